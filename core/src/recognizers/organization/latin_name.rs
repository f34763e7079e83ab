//! The Latin-letter name before a Latin legal form (`Kobe Marine Foods Co., Ltd.`, `MUFG Bank, Ltd.`,
//! `Shinonome Precision (Thailand) Co., Ltd.`, `Norteña Autopartes S.A. de C.V.`, `Aerial Nordic K.K.`).
//!
//! Read backwards from the form: capitalised words (or words with a digit or `&`), the connectors of
//! company names between them (of, and, de, y, the, für), a capitalised word in parentheses, separated
//! by single ASCII spaces; a comma only right before the form (`Mercari, Inc.`). Lower-case words,
//! punctuation, a full-width space (a table's column) and line ends stop it; leading connectors and
//! function words are cut.

/// Connectors inside a company name (`Bank of Yokohama`, `Shinonome de México`); not `and`, which joins
/// the names of a list (`Alder and Birch Ltd.`).
const CONNECTORS: &[&str] = &["of", "de", "del", "la", "le", "y", "the", "für", "du", "et", "&"];
/// Head words that `of` joins to what they are of (`Bank of Yokohama`, `University of Tsukuba`); after any other
/// word `of` joins a person to the company they work at (`Jeremy Hartmann of Gradiant Research LLC`), and the
/// company's name starts after it.
const OF_HEADS: &[&str] = &[
    "Bank",
    "University",
    "Institute",
    "College",
    "School",
    "Academy",
    "Society",
    "Association",
    "Federation",
    "Union",
    "Chamber",
    "Council",
    "Board",
    "Ministry",
    "Department",
    "Office",
    "Agency",
    "Bureau",
    "Museum",
    "Hospital",
    "Foundation",
    "Trust",
    "Church",
    "League",
    "Center",
    "Centre",
    "Republic",
    "Kingdom",
    "City",
    "Port",
    "Friends",
    "House",
    "Commonwealth",
    "State",
    "Government",
    "Court",
    "Corporation",
    "Company",
];
/// Capitalised function words that open a sentence or a phrase, not a name (`The`, `Dear`, `From`).
const LEADING: &[&str] = &[
    "The", "A", "An", "Dear", "To", "From", "At", "For", "With", "By", "Via", "Our", "Your", "This", "That", "And",
    "Of", "In", "On", "Company", "Bank", "Employer", "Client", "Customer", "Supplier", "Vendor",
];

#[inline]
fn word_char(c: char) -> bool {
    (c.is_alphanumeric() && (c as u32) < 0x2E80) || matches!(c, '&' | '\'' | '.' | '-' | '\u{2019}')
}

/// Start of the Latin name that ends at `end` (before the legal form and its comma or space), or
/// `None` when no capitalised word stands there. `orig` is the original text (same indices): a
/// full-width space there is a column break even where the fold made it an ASCII space.
pub fn latin_name_start(n: &[char], orig: &[char], end: usize) -> Option<usize> {
    let mut e = end;
    // the comma and space between the name and its form
    if e > 0 && n[e - 1] == ' ' && orig.get(e - 1) == Some(&' ') {
        e -= 1;
    }
    if e > 0 && n[e - 1] == ',' {
        e -= 1;
        if e > 0 && n[e - 1] == ' ' {
            return None; // `…, , Ltd.`
        }
    }
    let mut starts: Vec<(usize, usize)> = Vec::new(); // (start, end) of each word, right to left
    let mut i = e;
    while starts.len() < 8 {
        // one word (or a parenthesised capitalised word) ending at i
        let (ws, we) = if i > 0 && n[i - 1] == ')' {
            let Some(open) = (i.saturating_sub(16)..i - 1).rev().find(|&k| n[k] == '(') else {
                break;
            };
            let inner = &n[open + 1..i - 1];
            if inner.is_empty() || !inner[0].is_uppercase() || !inner.iter().all(|&c| word_char(c) || c == ' ') {
                break;
            }
            (open, i)
        } else {
            let mut s = i;
            while s > 0 && word_char(n[s - 1]) {
                s -= 1;
            }
            // a word may not start with its dots or hyphens (`...Co`)
            while s < i && matches!(n[s], '.' | '-' | '\'') {
                s += 1;
            }
            if s == i {
                break;
            }
            (s, i)
        };
        let w: String = n[ws..we].iter().collect();
        let first = n[ws];
        let capital = first.is_uppercase() || first == '(' || w.chars().any(|c| c.is_ascii_digit()) || w == "&";
        if !capital && !CONNECTORS.contains(&w.as_str()) {
            break;
        }
        starts.push((ws, we));
        // the separator before the word: one ASCII space (not a full-width one in the original)
        if ws >= 2 && n[ws - 1] == ' ' && orig.get(ws - 1) == Some(&' ') && n[ws - 2] != ' ' {
            i = ws - 1;
        } else {
            break;
        }
    }
    let word = |(ws, we): (usize, usize)| n[ws..we].iter().collect::<String>();
    if let Some(k) = (0..starts.len())
        .find(|&k| word(starts[k]) == "of" && starts.get(k + 1).is_some_and(|&p| !OF_HEADS.contains(&word(p).as_str())))
    {
        starts.truncate(k);
    }
    // cut leading connectors, function words and words without a letter (years: `2016-2021 …`)
    while let Some(&(ws, we)) = starts.last() {
        let w: String = n[ws..we].iter().collect();
        if CONNECTORS.contains(&w.as_str())
            || LEADING.contains(&w.as_str())
            || !w.chars().any(char::is_alphabetic)
            || w.ends_with(':')
        {
            starts.pop();
        } else {
            break;
        }
    }
    let &(s, _) = starts.last()?;
    if !n[s].is_uppercase() {
        return None;
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::latin_name_start;

    fn name(text: &str, form: &str) -> Option<String> {
        let n: Vec<char> = text.chars().collect();
        let at = text.find(form).map(|b| text[..b].chars().count())?;
        latin_name_start(&n, &n, at)
            .map(|s| n[s..at].iter().collect::<String>().trim_end_matches([' ', ',']).to_string())
    }

    #[test]
    fn capitalised_words_before_the_form() {
        assert_eq!(name("Shipped via Tokai Paper Mills Co., Ltd.", "Co., Ltd.").as_deref(), Some("Tokai Paper Mills"));
        assert_eq!(name("Bank: Hokkai Bank, Ltd., Sapporo", ", Ltd.").as_deref(), Some("Hokkai Bank"));
        assert_eq!(
            name("we met Orchid Imaging (Malaysia) Sdn. Bhd.", "Sdn. Bhd.").as_deref(),
            Some("Orchid Imaging (Malaysia)")
        );
        assert_eq!(
            name("Comercial Pérez de Jalisco, S.A. de C.V.", ", S.A.").as_deref(),
            Some("Comercial Pérez de Jalisco")
        );
        assert_eq!(name("2019-2022 Blue Heron Labs, Inc.", ", Inc.").as_deref(), Some("Blue Heron Labs"));
        assert_eq!(name("Dear Maple Leaf Foods Inc.", "Inc.").as_deref(), Some("Maple Leaf Foods"));
        assert_eq!(name("clients: Ostrava, Tamsin and Hale Ltd.", "Ltd.").as_deref(), Some("Hale"));
    }

    #[test]
    fn of_joins_a_head_word_not_a_person() {
        assert_eq!(name("the Mutual Society of Osaka Inc.", "Inc.").as_deref(), Some("Mutual Society of Osaka"));
        assert_eq!(
            name("honored were Ines Marlow of Quillfeather Systems LLC and", "LLC").as_deref(),
            Some("Quillfeather Systems")
        );
        assert_eq!(name("Pavel Orlik of Orlik Inc.", "Inc.").as_deref(), Some("Orlik"));
    }

    #[test]
    fn lower_case_words_and_columns_stop_it() {
        assert_eq!(name("the onboarding for Cedar Analytics Inc.", "Inc.").as_deref(), Some("Cedar Analytics"));
        let text = "R-12\u{3000}Ward Ellis\u{3000}Pine Hollow K.K.";
        let orig: Vec<char> = text.chars().collect();
        let n: Vec<char> = text.replace('\u{3000}', " ").chars().collect();
        let at = text.find("K.K.").map(|b| text[..b].chars().count()).unwrap();
        let s = latin_name_start(&n, &orig, at).unwrap();
        assert_eq!(n[s..at].iter().collect::<String>(), "Pine Hollow ");
        assert_eq!(name("all of them, Inc.", ", Inc."), None);
        assert_eq!(name("会社名：Inc.", "Inc."), None);
    }
}
