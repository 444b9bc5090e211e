#!/usr/bin/env python3
"""Writes the crafted files of Tests/codirTests/Fixtures/hostile/ (issue 9's cases), deterministically.

Run from the package root: python3 scripts/make-hostile-fixtures.py. The files are committed; the tests do
not need Python.
"""
import os
import zipfile
import zlib

OUT = "Tests/codirTests/Fixtures/hostile"
FIXED = (2026, 1, 1, 0, 0, 0)


def write_zip(name, parts, level=9):
    path = os.path.join(OUT, name)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for part, data in parts:
            info = zipfile.ZipInfo(part, FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def xlsx(name, sheet_xml, shared=("Date",), shared_prefix="", sheets_xml=None, rels_xml=None):
    workbook = sheets_xml or '<sheet name="ENGAGEMENT" sheetId="1" r:id="rId1"/>'
    rels = rels_xml or '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
    header = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Impressions</t></is></c>'
              '<c r="C1" t="inlineStr"><is><t>Engagements</t></is></c></row>')
    write_zip(name, [
        ("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns:r="r"><sheets>%s</sheets></workbook>' % workbook),
        ("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships>%s</Relationships>' % rels),
        ("xl/sharedStrings.xml", '<?xml version="1.0"?>%s<sst>%s</sst>' % (shared_prefix, "".join("<si><t>%s</t></si>" % s for s in shared))),
        ("xl/worksheets/sheet1.xml", '<?xml version="1.0"?><worksheet><sheetData>%s%s</sheetData></worksheet>' % (header, sheet_xml)),
    ])


def main():
    os.makedirs(OUT, exist_ok=True)
    # An xlsx of a few hundred bytes that claims row 50,000,000.
    xlsx("row-50000000.xlsx", '<row r="50000000"/>')
    xlsx("shared-string-minus-one.xlsx", '<row r="2"><c r="A2" t="s"><v>-1</v></c></row>')
    xlsx("reference-zzzzzzzzzzzzzz1.xlsx", '<row r="2"><c r="ZZZZZZZZZZZZZZ1"><v>1</v></c></row>')
    xlsx("row-int64-min.xlsx", '<row r="-9223372036854775808"><c><v>1</v></c></row>')
    xlsx("date-nan.xlsx", '<row r="2"><c r="A2"><v>NaN</v></c><c r="B2"><v>5</v></c></row>'
         '<row r="3"><c r="A3"><v>1e300</v></c><c r="B3"><v>5</v></c></row>')
    xlsx("counts-past-int64.xlsx", '<row r="2"><c r="A2"><v>46297</v></c><c r="B2" t="inlineStr"><is><t>9223372036854775000</t></is></c></row>'
         '<row r="3"><c r="A3"><v>46298</v></c><c r="B3" t="inlineStr"><is><t>9223372036854775000</t></is></c></row>')
    # 3,000 sheet entries, all pointing at the one part.
    names = ["ENGAGEMENT", "DISCOVERY", "FOLLOWERS", "TOP POSTS", "DEMOGRAPHICS"]
    xlsx("three-thousand-sheets.xlsx", '<row r="2"><c r="A2"><v>46297</v></c><c r="B2"><v>5</v></c></row>',
         sheets_xml="".join('<sheet name="%s" sheetId="%d" r:id="rId1"/>' % (names[i % 5] if i < 5 else "S%d" % i, i + 1)
                            for i in range(3000)))
    # A DTD whose internal entity is referenced many times (quadratic expansion).
    entity = '<!DOCTYPE sst [<!ENTITY a "%s">]>' % ("a" * 1000)
    xlsx("entity-expansion.xlsx", "", shared=("Date", "&a;" * 300), shared_prefix=entity)
    # An element name that is not UTF-8 (Foundation's XMLParser trapped on it; found by codir-fuzz).
    write_zip("element-name-not-utf8.xlsx", [
        ("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns:r="r"><sheets><sheet name="ENGAGEMENT" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
        ("xl/sharedStrings.xml", b'<?xml version="1.0"?><sst><si><t>Date</t></si><si><\xf4>Total</si></sst>'),
        ("xl/worksheets/sheet1.xml", '<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'),
    ])
    # A LinkedIn archive of 815 KB holding an 800 MiB Shares.csv of one field.
    field = b"Date,ShareLink,ShareCommentary\n2025-07-01 14:33:22,https://www.linkedin.com/feed/update/urn:li:share:1,\""
    path = os.path.join(OUT, "shares-800-mib.zip")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        info = zipfile.ZipInfo("Shares.csv", FIXED)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as entry:
            entry.write(field)
            chunk = b"x" * (1 << 20)
            for _ in range(800):
                entry.write(chunk)
            entry.write(b"\"\n")
    # Connections.csv dated in year 9223372036854775807.
    write_zip("connections-far-year.zip", [
        ("Shares.csv", "Date,ShareLink,ShareCommentary\n"),
        ("Connections.csv", "Notes:\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                            "Ada,Lovelace,https://www.linkedin.com/in/ada,,,,16 Jun 9223372036854775807\n"),
    ])
    with open(os.path.join(OUT, "daily-past-int64.jsonl"), "w") as f:
        f.write('{"type":"daily","person":"ceo","day":"2026-10-01","impressions":9223372036854775000}\n')
        f.write('{"type":"daily","person":"ceo","day":"2026-10-02","impressions":9223372036854775000}\n')
    with open(os.path.join(OUT, "post-year-1.jsonl"), "w") as f:
        f.write('{"type":"post","id":"old","author":"ceo","at":"0001-01-01T00:00:00Z"}\n')
    with open(os.path.join(OUT, "escape-sequences.jsonl"), "w") as f:
        f.write('{"type":"\\u001b]0;owned\\u0007","id":"x"}\n')


if __name__ == "__main__":
    main()
