"""Export a course as a SCORM 1.2 package (a zip with imsmanifest.xml at its root) for Moodle and other LMSs.

One SCO: ``index.html`` shows the pages and the quiz, ``scorm.js`` finds the LMS's ``API`` object and reports
``cmi.core.lesson_status`` (incomplete, then passed/failed), ``cmi.core.score.raw`` and where the learner is.
The quiz is scored in the browser (a static package has no server), so its answers are in the package.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from mamori.training.content import page_html
from mamori.training.course import Course

HERE = Path(__file__).parent
FILES = HERE / "scorm_files"
_env = Environment(loader=FileSystemLoader(str(FILES)), autoescape=select_autoescape(["html"]))
UI = {
    "passed": ("合格です", "Passed"),
    "failed": ("不合格です", "Not passed"),
    "pass_mark": ("合格点", "pass mark"),
    "your_answer": ("あなたの答え", "Your answer"),
    "right_answer": ("正しい答え", "Right answer"),
    "none": ("（未回答）", "(none)"),
}


def manifest_xml(course: Course, files: list[str], pass_mark: int) -> str:
    ident = f"jp.mamori.{course.id}.{course.version}".replace(" ", "-")
    title = escape(f"{course.title.ja} / {course.title.en}")
    file_lines = "\n".join(f"      <file href={quoteattr(f)}/>" for f in files)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier={quoteattr(ident)} version={quoteattr(course.full_version)}
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd
                      http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd
                      http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org_1">
    <organization identifier="org_1">
      <title>{title}</title>
      <item identifier="item_1" identifierref="res_1">
        <title>{title}</title>
        <adlcp:masteryscore>{int(pass_mark)}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_1" type="webcontent" adlcp:scormtype="sco" href="index.html">
{file_lines}
    </resource>
  </resources>
</manifest>
"""


def _course_data(course: Course, lang: str, pass_mark: int) -> str:
    data = {
        "id": course.id,
        "version": course.full_version,
        "pass_mark": pass_mark,
        "draw": course.draw_count,
        "pages": [p.id for p in course.content_pages],
        "questions": [
            {
                "id": q.id,
                "text": q.text.get(lang),
                "answer": q.answer,
                "explanation": q.explanation.get(lang),
                "choices": [{"id": c.id, "text": c.text.get(lang)} for c in q.choices],
            }
            for q in course.questions
        ],
        "text": {k: v[1] if lang == "en" else v[0] for k, v in UI.items()},
    }
    # inside <script type="application/json">: only "</" could end the element early
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def index_html(course: Course, lang: str = "ja", pass_mark: int | None = None) -> str:
    mark = course.pass_mark if pass_mark is None else pass_mark

    def t(ja: str, en: str) -> str:
        return en if lang == "en" else ja

    bodies = {p.id: Markup(page_html(p, lang)) for p in course.pages}
    return _env.get_template("index.html").render(
        course=course, lang=lang, t=t, pages=course.content_pages, closing=course.closing_page, bodies=bodies,
        pass_mark=mark, data_json=Markup(_course_data(course, lang, mark)),
    )


def scorm_zip(course: Course, lang: str = "ja", pass_mark: int | None = None) -> bytes:
    """The SCORM 1.2 package as zip bytes."""
    if lang not in ("ja", "en"):
        raise ValueError("lang must be ja or en")
    mark = course.pass_mark if pass_mark is None else pass_mark
    files = {
        "index.html": index_html(course, lang, mark).encode(),
        "scorm.js": (FILES / "scorm.js").read_bytes(),
        "training.css": (HERE / "static" / "training.css").read_bytes(),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("imsmanifest.xml", manifest_xml(course, sorted(files), mark))
        for name, data in sorted(files.items()):
            z.writestr(name, data)
    return buf.getvalue()
