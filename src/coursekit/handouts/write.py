"""Make one job's file: the writer for its format, in its language (runs in a handout worker process)."""

from __future__ import annotations

import logging
from pathlib import Path

from .. import kinds
from ..hant import converter
from ..hant.office import convert_office
from ..registry import Registry
from . import htmlprint, pdf
from .book import write_book
from .fonts import DEFAULT
from .jobs import Job

log = logging.getLogger(__name__)


def render(job: Job, reg: Registry, templates: Path, dest: Path) -> None:
    """Make the file of ``job`` at ``dest`` (a temporary name the caller renames), in ``job.lang``.

    The writers lay out Simplified text in ``job.lang``'s fonts; for 繁體 the converter goes to the PDF
    writer (HTML and stylesheets), and Word and Excel files are converted once written.
    """
    conv = None if job.lang == DEFAULT else converter(reg.root)
    if job.kind == "book":
        write_book(reg, templates, job.id, dest, job.lang, conv)
    elif job.kind == "selfassess":
        from .selfassess import write_selfassess_docx
        write_selfassess_docx(reg, job.id, dest, job.lang)
        if conv is not None:
            convert_office(dest, conv)
    elif job.kind == "standard":
        from .standard import document as standard_document
        from .standard import write_standard_docx
        if job.fmt == "pdf":
            pdf.write_pdf(standard_document(templates, reg, job.lang), dest, templates, lang=job.lang, conv=conv)
        else:
            write_standard_docx(reg, dest, job.lang)
            if conv is not None:
                convert_office(dest, conv)
    elif job.kind == "calendar":
        from .calendar import document, from_job_id, write_calendar_xlsx
        s = from_job_id(reg, job.id)
        if job.fmt == "pdf":
            pdf.write_pdf(document(templates, reg, s, job.lang), dest, templates, lang=job.lang, conv=conv)
        else:
            write_calendar_xlsx(reg, s, dest, job.lang)
            if conv is not None:
                convert_office(dest, conv)
    elif job.fmt == "pdf":
        html = (htmlprint.schedule_document(templates, reg, job.lang) if job.kind == "schedule" else
                htmlprint.handout(templates, reg, job.kind, reg.get(job.kind, job.id), job.teacher, job.lang))
        pdf.write_pdf(html, dest, templates, lang=job.lang, conv=conv)
    elif job.fmt in ("docx", "xlsx"):
        if job.kind == "schedule":
            from .xlsx import write_schedule_xlsx
            write_schedule_xlsx(reg, dest, job.lang)
        elif job.kind == kinds.LESSONPLANS.name:
            from .lessonplan import write_lessonplan_docx
            write_lessonplan_docx(reg, reg.get(job.kind, job.id), dest, job.lang)
        elif job.fmt == "docx":
            from .docx import write_worksheet_docx
            write_worksheet_docx(reg, reg.get(job.kind, job.id), dest, job.lang)
        else:
            from .xlsx import write_sop_xlsx
            write_sop_xlsx(reg, reg.get(job.kind, job.id), dest, job.lang)
        if conv is not None:
            convert_office(dest, conv)
    else:
        raise ValueError(f"cannot render {job.rel}: unknown format {job.fmt}")
