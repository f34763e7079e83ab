//! Companies in the cells of a table column whose header names organisations (会社名, 取引先, 勤務先, 業者,
//! 事業者名, 商号又は名称, 保険会社, 金融機関): each cell shaped like a company's name, not a person's name,
//! not a department's or branch's ending, not one plain word to the analyser. Cells with a legal form are left
//! to the legal form's rule.

use super::affiliation::{company_shaped, plain_words, WordMemo};
use super::legal_form::LEGAL_FORMS;
use super::ORGANIZATION;
use crate::document::Document;
use crate::finding::Finding;
use crate::recognizers::person_ja::lexicon::name_lexicon;
use crate::table::Tables;

const NAME: &str = "organization_context";

/// Header cells of a column of organisations (each also with 名 after it: 取引先名).
pub const COLUMN_HEADERS: &[&str] = &[
    "会社",
    "会社名",
    "勤務先",
    "取引先",
    "業者",
    "事業者",
    "委託先",
    "仕入先",
    "発注先",
    "紹介元",
    "保険会社",
    "金融機関",
    "商号",
    "商号又は名称",
];

/// Whether a header cell names a column of organisations.
fn org_header(cell: &[char]) -> bool {
    let body = match cell.last() {
        Some('名') if cell.len() > 2 => &cell[..cell.len() - 1],
        _ => cell,
    };
    COLUMN_HEADERS.iter().any(|w| w.chars().eq(body.iter().copied()))
}

/// Whether a legal form in brackets ((株), (有), (一社)) starts at `k`.
fn bracket_form_at(n: &[char], k: usize) -> bool {
    LEGAL_FORMS
        .iter()
        .filter(|f| f.starts_with('('))
        .any(|f| f.chars().enumerate().all(|(j, c)| n.get(k + j) == Some(&c)))
}

/// The companies in the organisation columns of `doc`'s tables.
pub fn find_table_companies(doc: &Document, memo: &WordMemo, out: &mut Vec<Finding>) {
    let n = &doc.norm.chars;
    let lex = name_lexicon();
    for (_, (s, e)) in Tables::of(doc).column_cells(n, org_header) {
        let (mut s, mut e) = (s, e);
        while s < e && matches!(n[s], ' ' | '"') {
            s += 1;
        }
        // a note in brackets after the name (…（個人）) is not part of it; a legal form in brackets (…（株）) is
        // the legal form's rule's
        if let Some(k) = (s..e).find(|&k| n[k] == '(') {
            if bracket_form_at(n, k) {
                continue;
            }
            e = k;
        }
        while e > s && matches!(n[e - 1], ' ' | '"') {
            e -= 1;
        }
        if !company_shaped(n, s, e) || lex.surname(&n[s..e]) || lex.split_full(&n[s..e]) > 0 {
            continue;
        }
        if plain_words(doc, memo, s, e) {
            continue;
        }
        // the header outweighs a person rule's reading of the same cell
        out.push(Finding::new(ORGANIZATION, s, e, 0.9, NAME));
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Lang;
    use crate::engine::Engine;

    fn found(text: &str) -> Vec<String> {
        let e = Engine::new(Some(&["organization_context".to_string()]), Vec::new());
        let chars: Vec<char> = text.chars().collect();
        let mut f = e.find(text, Some(Lang::Ja));
        f.sort_by_key(|f| (f.start, f.end));
        f.into_iter().map(|f| chars[f.start..f.end].iter().collect()).collect()
    }

    #[test]
    fn cells_of_an_organisation_column() {
        let text = "No | 氏名 | 取引先名 | 電話\n1 | 高橋 一郎 | ヒバリ物産 | 03-0000-0000\n2 | 山本 花子 | ツグミ設備工業（個人） | 03-0000-0001\n";
        assert_eq!(found(text), ["ヒバリ物産", "ツグミ設備工業"]);
        let csv = "ID,氏名,勤務先\nA1,高橋 一郎,カモメ・リンク\n";
        assert_eq!(found(csv), ["カモメ・リンク"]);
    }

    #[test]
    fn cells_that_are_no_company() {
        for text in [
            // a person, a department, a branch, a legal form (its own rule), another column
            "No | 氏名 | 勤務先\n1 | 高橋 一郎 | 佐々木\n2 | 山本 花子 | 営業部\n",
            "No | 氏名 | 取引先\n1 | 高橋 一郎 | 湊西支店\n2 | 山本 花子 | 株式会社ヒバリ物産\n",
            "取引先名\t担当\nツグミ設備工業（株）\t高橋\nヒバリ物産（有）\t山本\n",
            "No | 氏名 | 備考\n1 | 高橋 一郎 | ヒバリ物産\n2 | 山本 花子 | ツグミ設備工業\n",
            "No | 氏名 | 所属長名\n1 | 高橋 一郎 | ヒバリ物産\n2 | 山本 花子 | ツグミ設備工業\n",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
