#!/usr/bin/env python3
"""Builds the ODT golden fixtures and their expected models (standard library only).

Each fixture is a small document written the way LibreOffice writes it, and
each expected file states by hand what the reader must see (the format is
odt_dump() in tests/unit/odt_fixture.h, with the style in braces):

  contract.odt / contract.fodt  outline numbering "Artikel N" and "N.M" from
      styles.xml, a list continued with text:continue-list, a footnote, a
      comment on a range, a table with a spanned cell and text:s, a text box,
      header and footer from the master page, two automatic styles named P1
      (one in styles.xml, one in content.xml) that must not be confused, and
      dc:title from meta.xml.  The flat file is the same document and must
      read the same.
  changes.odt  a tracked deletion ("niet") and insertion ("wel") in one
      sentence: accept, reject and both views.
  encrypted.odt  a password-protected package: refused with E_ENCRYPTED.

Run: python3 tests/golden/odt/make_fixtures.py  (writes next to itself)
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
      'office:version="1.3"')

MIME = 'application/vnd.oasis.opendocument.text'

COMMON_STYLES = '''<office:styles>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1"/>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"/>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard"/>
<text:outline-style style:name="Outline">
 <text:outline-level-style text:level="1" style:num-format="1" style:num-prefix="Artikel "/>
 <text:outline-level-style text:level="2" style:num-format="1" text:display-levels="2"/>
 <text:outline-level-style text:level="3" style:num-format=""/>
</text:outline-style>
<text:list-style style:name="Numbering_20_123" style:display-name="Numbering 123">
 <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
 <text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a"/>
</text:list-style>
</office:styles>'''


def master_styles(p):
    return f'''<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="{p}">Gemeente Voorbeeld – vertrouwelijk</text:p></style:header>
<style:footer><text:p text:style-name="{p}">Pagina <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
<style:header-left style:display="false"><text:p text:style-name="{p}">Even pagina</text:p></style:header-left>
</style:master-page>
</office:master-styles>'''


CONTENT_AUTO = '''<office:automatic-styles>
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body"/>
</office:automatic-styles>'''

BODY = '''<office:body><office:text>
<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>
<text:h text:style-name="Heading_20_1" text:outline-level="1">Begrippen</text:h>
<text:p text:style-name="P1">In deze overeenkomst wordt verstaan onder:</text:p>
<text:list xml:id="list1" text:style-name="Numbering_20_123">
 <text:list-item><text:p text:style-name="P1">Opdrachtgever: de Gemeente Voorbeeld;</text:p></text:list-item>
 <text:list-item><text:p text:style-name="P1">Opdrachtnemer: de Leverancier.</text:p></text:list-item>
</text:list>
<text:h text:style-name="Heading_20_2" text:outline-level="2">Gegevens</text:h>
<text:p text:style-name="P1">Opdrachtnemer verkoopt de gegevens niet door<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">Zie ook de Verwerkersovereenkomst.</text:p></text:note-body></text:note>.</text:p>
<text:list xml:id="list2" text:continue-list="list1" text:style-name="Numbering_20_123">
 <text:list-item><text:p text:style-name="P1">Derde begrip.</text:p>
  <text:list><text:list-item><text:p text:style-name="P1">onderdeel</text:p></text:list-item></text:list>
 </text:list-item>
</text:list>
<text:h text:style-name="Heading_20_1" text:outline-level="1">Prijs</text:h>
<text:p text:style-name="P1"><office:annotation office:name="__Annotation__1"><dc:creator>Jurist</dc:creator><dc:date>2024-03-01T12:00:00</dc:date><text:p>Indexering nagaan.</text:p></office:annotation>De prijs staat in de tabel.<office:annotation-end office:name="__Annotation__1"/></text:p>
<table:table table:name="Prijzen">
 <table:table-column table:number-columns-repeated="2"/>
 <table:table-header-rows><table:table-row><table:table-cell office:value-type="string"><text:p>Onderdeel</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Prijs</text:p></table:table-cell></table:table-row></table:table-header-rows>
 <table:table-row><table:table-cell><text:p>Licentie</text:p></table:table-cell><table:table-cell><text:p>€ 1.000<text:s text:c="2"/>per jaar</text:p></table:table-cell></table:table-row>
 <table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Totaal op aanvraag</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
</table:table>
<text:p text:style-name="P1">Ondertekend<draw:frame draw:name="Kader1" text:anchor-type="paragraph" svg:width="4cm"><draw:text-box><text:p>Paraaf: ____</text:p></draw:text-box></draw:frame> te Utrecht.</text:p>
</office:text></office:body>'''

CONTRACT_EXPECTED = '''title: Modelovereenkomst
heading {Heading 1} H1 [Artikel 1] | Begrippen
body {Text body} | In deze overeenkomst wordt verstaan onder:
body {Text body} L1 [1.] | Opdrachtgever: de Gemeente Voorbeeld;
body {Text body} L1 [2.] | Opdrachtnemer: de Leverancier.
heading {Heading 2} H2 [1.1] | Gegevens
body {Text body} | Opdrachtnemer verkoopt de gegevens niet door.
footnote {Footnote} ->5 #ftn1 | Zie ook de Verwerkersovereenkomst.
body {Text body} L1 [3.] | Derde begrip.
body {Text body} L2 [a)] | onderdeel
heading {Heading 1} H1 [Artikel 2] | Prijs
body {Text body} | De prijs staat in de tabel.
comment ->10 @Jurist #__Annotation__1 | Indexering nagaan.
cell (0,0,0) | Onderdeel
cell (0,0,1) | Prijs
cell (0,1,0) | Licentie
cell (0,1,1) | € 1.000 per jaar
cell (0,2,0) | Totaal op aanvraag
body {Text body} | Ondertekend te Utrecht.
textbox | Paraaf: ____
header {Header} | Gemeente Voorbeeld – vertrouwelijk
footer {Header} | Pagina 1
'''

META = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {NS}><office:meta><dc:title>Modelovereenkomst</dc:title><meta:generator>make_fixtures.py</meta:generator></office:meta></office:document-meta>'''


def manifest(encrypted=False):
    enc = ('<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">'
           '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AAAA"/>'
           '<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:iteration-count="1024" manifest:salt="AAAA"/>'
           '</manifest:encryption-data>') if encrypted else ''
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="{MIME}"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{enc}</manifest:file-entry>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>'''


def write_odt(name, content, styles, meta=None, encrypted=False):
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, 'w') as z:
        # mimetype first and stored, as ODF requires; fixed dates keep the bytes stable
        z.writestr(zipfile.ZipInfo('mimetype', (2024, 1, 1, 0, 0, 0)), MIME,
                   compress_type=zipfile.ZIP_STORED)
        parts = [('META-INF/manifest.xml', manifest(encrypted)), ('content.xml', content),
                 ('styles.xml', styles)]
        if meta:
            parts.append(('meta.xml', meta))
        for member, data in parts:
            info = zipfile.ZipInfo(member, (2024, 1, 1, 0, 0, 0))
            z.writestr(info, data if isinstance(data, bytes) else data.encode('utf-8'),
                       compress_type=zipfile.ZIP_DEFLATED)


def write_text(name, text):
    with open(os.path.join(HERE, name), 'w', encoding='utf-8', newline='\n') as f:
        f.write(text)


def contract():
    styles = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {NS}>'
              + COMMON_STYLES
              + '<office:automatic-styles><style:style style:name="P1" style:family="paragraph" '
                'style:parent-style-name="Header"/><style:page-layout style:name="pm1"/>'
                '</office:automatic-styles>'
              + master_styles('P1') + '</office:document-styles>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NS}>'
               + CONTENT_AUTO + BODY + '</office:document-content>')
    write_odt('contract.odt', content, styles, META)
    write_text('contract.odt.expected', CONTRACT_EXPECTED)
    # the flat file has one automatic-style scope: the master page's style is MP1
    flat = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:mimetype="{MIME}">'
            '<office:meta><dc:title>Modelovereenkomst</dc:title></office:meta>'
            + COMMON_STYLES
            + '<office:automatic-styles><style:style style:name="P1" style:family="paragraph" '
              'style:parent-style-name="Text_20_body"/><style:style style:name="MP1" '
              'style:family="paragraph" style:parent-style-name="Header"/>'
              '<style:page-layout style:name="pm1"/></office:automatic-styles>'
            + master_styles('MP1') + BODY + '</office:document>')
    write_text('contract.fodt', flat)
    write_text('contract.fodt.expected', CONTRACT_EXPECTED)


def changes():
    body = '''<office:body><office:text>
<text:tracked-changes text:track-changes="true">
 <text:changed-region xml:id="ct1" text:id="ct1"><text:deletion><office:change-info><dc:creator>Inkoper</dc:creator><dc:date>2024-02-01T09:00:00</dc:date></office:change-info><text:p text:style-name="Standard">niet</text:p></text:deletion></text:changed-region>
 <text:changed-region xml:id="ct2" text:id="ct2"><text:insertion><office:change-info><dc:creator>Leverancier</dc:creator><dc:date>2024-02-02T09:00:00</dc:date></office:change-info></text:insertion></text:changed-region>
</text:tracked-changes>
<text:h text:style-name="Heading_20_1" text:outline-level="1">Gegevens</text:h>
<text:p text:style-name="Standard">Opdrachtnemer mag de gegevens <text:change text:change-id="ct1"/><text:s/><text:change-start text:change-id="ct2"/>wel <text:change-end text:change-id="ct2"/>doorverkopen.</text:p>
</office:text></office:body>'''
    styles = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {NS}>'
              + COMMON_STYLES + '</office:document-styles>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NS}>'
               + body + '</office:document-content>')
    write_odt('changes.odt', content, styles)
    # no meta.xml: the document title falls back to the first heading
    head = 'title: Gegevens\nheading {Heading 1} H1 [Artikel 1] | Gegevens\n'
    write_text('changes.odt.expected',
               head + 'body {Standard} +ins | Opdrachtnemer mag de gegevens wel doorverkopen.\n')
    write_text('changes.odt.reject.expected',
               head + 'body {Standard} +del | Opdrachtnemer mag de gegevens niet doorverkopen.\n')
    write_text('changes.odt.both.expected',
               head + 'body {Standard} +ins +del | Opdrachtnemer mag de gegevens niet wel doorverkopen.\n')


def encrypted():
    styles = f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {NS}/>'
    write_odt('encrypted.odt', bytes(range(256)) * 4, styles, encrypted=True)
    write_text('encrypted.odt.expected', 'error E_ENCRYPTED\n')


if __name__ == '__main__':
    contract()
    changes()
    encrypted()
