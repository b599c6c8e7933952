"""Every kind of bad file gets a Dutch message naming the row and column, and changes nothing."""

import io
import zipfile

import pytest
from django.core.management import call_command

from agenda.models import Agenda, Pillar, Scope, Status, Theme

from .builders import csv_bytes, docx_bytes, xlsx_bytes

HEAD = ["Thema's per pijler", "Voor wie", "(Sub)regionaal", "Actie", "Status", "Trekker(s)"]


@pytest.fixture
def agenda(coordinator, new_region):
    Status.objects.create(slug="loopt", name="loopt", order=1)
    Scope.objects.create(region=new_region, name="Regionaal", order=1)
    agenda = Agenda.objects.create(
        title="Agenda", slug="agenda", region=new_region, first_year=2024, last_year=2026
    )
    pillar = Pillar.objects.create(agenda=agenda, order=1, name="Werk")
    Theme.objects.create(agenda=agenda, pillar=pillar, number=1, name="Bestaand thema")
    return agenda


def dump():
    out = io.StringIO()
    call_command("dumpdata", exclude=["sessions", "contenttypes", "auth.permission"], stdout=out)
    return out.getvalue()


def run_import(tmp_path, name, data, *extra):
    path = tmp_path / name
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command(
            "import_agenda",
            str(path),
            "--agenda",
            "agenda",
            "--user",
            "anna",
            *extra,
            stdout=out,
            stderr=err,
        )
    assert exit_info.value.code == 1
    return out.getvalue() + err.getvalue()


def refused(tmp_path, name, data, *extra):
    before = dump()
    message = run_import(tmp_path, name, data, *extra)
    assert dump() == before, "a refused import changed the database"
    return message


def good_rows(*rows):
    return [HEAD, ["Werk"], *rows]


def test_a_file_that_is_not_what_its_name_says(agenda, tmp_path):
    message = refused(tmp_path, "plan.xlsx", b"%PDF-1.7 this is a PDF")
    assert "Het bestand is geen Excel-bestand, hoewel de naam eindigt op .xlsx." in message
    word = docx_bytes(good_rows(["Thema", "", "", "Actie", "loopt", "PoW"]))
    message = refused(tmp_path, "plan2.xlsx", word)
    assert "Het bestand is een Word-bestand, hoewel de naam eindigt op .xlsx." in message
    message = refused(tmp_path, "plan.pdf", b"%PDF")
    assert "geen Excel-, OpenDocument-, CSV- of Word-bestand (.docx)" in message


def test_a_corrupt_file(agenda, tmp_path):
    data = xlsx_bytes(good_rows(["Thema", "", "", "Actie", "loopt", "PoW"]))
    message = refused(tmp_path, "kapot.xlsx", data[: len(data) // 2])
    assert "Het bestand is geen Excel-bestand" in message or "beschadigd" in message
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<niet-af")
    message = refused(tmp_path, "kapot2.xlsx", buffer.getvalue())
    assert "Het bestand kan niet worden gelezen: het is beschadigd" in message


def test_a_password_protected_file(agenda, tmp_path):
    # Excel stores a password-protected workbook in an OLE compound file, not a zip
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048
    message = refused(tmp_path, "geheim.xlsx", data)
    assert "beveiligd met een wachtwoord" in message


def test_a_file_over_the_size_limit(agenda, tmp_path):
    message = refused(tmp_path, "groot.csv", b"a;b\n" * (3 * 1024 * 1024))
    assert "Het bestand is groter dan 10 MB." in message


@pytest.mark.parametrize("name", ["bom.xlsx", "bom.docx"])
def test_a_zip_bomb_is_refused_before_it_is_opened(agenda, tmp_path, name):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        member = "xl/workbook.xml" if name.endswith("xlsx") else "word/document.xml"
        archive.writestr(member, "<x/>")
        chunk = b"\0" * (1024 * 1024)
        with archive.open("xl/bom.bin", "w", force_zip64=True) as bomb:
            for _i in range(300):  # 300 MB of zeros, a few hundred kB packed
                bomb.write(chunk)
    assert len(buffer.getvalue()) < 2 * 1024 * 1024
    message = refused(tmp_path, name, buffer.getvalue())
    assert "pakt uit tot meer dan 200 MB" in message


def test_more_than_ten_thousand_rows(agenda, tmp_path):
    rows = good_rows(*[["Thema", "", "", f"Actie {n}", "loopt", "PoW"] for n in range(10_001)])
    message = refused(tmp_path, "lang.csv", csv_bytes(rows))
    assert "meer dan 10.000 rijen" in message


def test_an_empty_sheet(agenda, tmp_path):
    message = refused(tmp_path, "leeg.xlsx", xlsx_bytes([[""]]))
    assert "Het werkblad is leeg." in message


def test_duplicate_and_missing_required_headers(agenda, tmp_path):
    rows = [["Actie", "Status", "Actie"], ["Iets", "loopt", "Iets"]]
    message = refused(tmp_path, "dubbel.xlsx", xlsx_bytes(rows))
    assert "De kolom “Actie” komt meer dan eens voor (kolommen A, C)." in message
    assert "De verplichte kolom “Thema's per pijler” ontbreekt." in message


def test_unknown_status_and_scope_name_row_and_column(agenda, tmp_path):
    rows = good_rows(
        ["Thema", "", "Regionaal", "Goede actie", "loopt", "PoW"],
        ["", "", "Overal", "Actie met onbekende schaal", "loopt", "PoW"],
        ["", "", "Regionaal", "Actie met onbekende status", "bijna klaar", "PoW"],
    )
    message = refused(tmp_path, "onbekend.xlsx", xlsx_bytes(rows))
    assert "rij 4, kolom C ((Sub)regionaal): Onbekende schaal “Overal”" in message
    assert "rij 5, kolom E (Status): Onbekende status “bijna klaar”" in message
    assert "Goede actie" in message  # the preview still lists what would be created


def test_amount_in_wrong_notation_and_year_outside_period(agenda, tmp_path):
    head = [*HEAD, "Financier", "2024", "2025", "2030"]
    rows = [
        head,
        ["Werk"],
        ["Thema", "", "Regionaal", "Actie een", "loopt", "PoW", "Rijk", "1.000.000", "", ""],
        ["", "", "Regionaal", "Actie twee", "loopt", "PoW", "Rijk", "", "1,000.50", ""],
        ["", "", "Regionaal", "Actie drie", "loopt", "PoW", "Rijk", "", "", "5.000"],
    ]
    message = refused(tmp_path, "geld.xlsx", xlsx_bytes(rows), "--create-missing")
    assert "rij 4, kolom I (2025): “1,000.50” is geen bedrag in Nederlandse notatie" in message
    assert "rij 5, kolom J (2030): Het jaar 2030 valt buiten de looptijd 2024-2026" in message


def test_over_long_cell_is_a_bad_row(agenda, tmp_path):
    rows = good_rows(["T" * 301, "", "Regionaal", "Actie", "loopt", "PoW"])
    message = refused(tmp_path, "lang.csv", csv_bytes(rows))
    assert "rij 3, kolom A (Thema's per pijler): De tekst is te lang: 301 tekens" in message


def test_a_formula_cell_is_taken_as_text(agenda, tmp_path):
    rows = good_rows(["Thema", "", "Regionaal", "=1+1", "loopt", "PoW"])
    path = tmp_path / "formule.xlsx"
    path.write_bytes(xlsx_bytes(rows))
    call_command("import_agenda", str(path), agenda="agenda", user="anna", create_missing=True)
    assert agenda.themes.get(name="Thema").actions.get().text == "=1+1"


def test_csv_in_windows_1252_with_commas_and_non_breaking_spaces(agenda, tmp_path):
    rows = good_rows(["Thema\u00a0", "", " Regionaal ", "Café\u00a0 actie", "loopt", "PoW"])
    path = tmp_path / "oud.csv"
    path.write_bytes(csv_bytes(rows, delimiter=",", encoding="cp1252"))
    call_command("import_agenda", str(path), agenda="agenda", user="anna", create_missing=True)
    assert agenda.themes.get(name="Thema").actions.get().text == "Café actie"


def test_importing_the_same_file_twice_changes_nothing(agenda, tmp_path):
    head = [*HEAD, "Financier", "2024"]
    rows = [
        head,
        ["Werk"],
        ["Thema", "", "Regionaal", "Actie een", "loopt", "PoW", "Rijk", "1.000.000"],
    ]
    path = tmp_path / "twee-keer.xlsx"
    path.write_bytes(xlsx_bytes(rows))
    call_command("import_agenda", str(path), agenda="agenda", user="anna", create_missing=True)
    before = dump()
    out = io.StringIO()
    call_command("import_agenda", str(path), agenda="agenda", user="anna", stdout=out)
    assert dump() == before
    assert "Niets gewijzigd" in out.getvalue()


def test_a_password_protected_opendocument_file(agenda, tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", b"\x8f\x01versleuteld")
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest><manifest:file-entry manifest:full-path="content.xml">'
            "<manifest:encryption-data/></manifest:file-entry></manifest:manifest>",
        )
    message = refused(tmp_path, "geheim.ods", buffer.getvalue())
    assert "beveiligd met een wachtwoord" in message


def test_headings_without_rows(agenda, tmp_path):
    message = refused(tmp_path, "koppen.xlsx", xlsx_bytes([HEAD]))
    assert "Onder de koppen van het werkblad staan geen acties." in message
