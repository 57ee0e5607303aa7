#!/usr/bin/env python3
"""Writes the small contracts the redline tests mark up: fixture-nl.docx and
fixture-en.odt (standard library only, fixed timestamps, so they are the same
on every run).  Their paragraphs are what tests/golden/render/redline-*.json
cite: each paragraph's index in its part is given in the comments below."""
import sys
import zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STAMP = (2024, 1, 1, 0, 0, 0)


def p(text, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def docx_body():
    textbox = (
        '<w:p><w:r><w:t xml:space="preserve">Zie het kader. </w:t></w:r><w:r>'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" '
        'distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
        '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
        '</wp:positionV><wp:extent cx="2000000" cy="400000"/><wp:wrapTopAndBottom/><wp:docPr id="1" '
        'name="Kader 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="400000"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>'
        + p("Kadertekst: dit kader is geen contracttekst.")
        + '</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
        '</w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect><v:textbox><w:txbxContent>'
        + p("Kadertekst: dit kader is geen contracttekst.")
        + '</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
    )
    cell = lambda t: f'<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>{p(t)}</w:tc>'
    table = ('<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="4500"/>'
             '<w:gridCol w:w="4500"/></w:tblGrid>'
             f'<w:tr>{cell("Onderwerp")}{cell("Afspraak")}</w:tr>'
             f'<w:tr>{cell("Beveiliging")}{cell("Opdrachtnemer meldt incidenten zo spoedig mogelijk.")}</w:tr>'
             '</w:tbl>')
    paras = [
        p("Overeenkomst clouddienst Parkeren", "Title"),                               # 0
        p("Artikel 1 Definities", "Heading1"),                                        # 1
        p("1.1 Gegevens: alle gegevens die Opdrachtnemer voor Opdrachtgever verwerkt."),  # 2
        p("Artikel 2 Gegevens", "Heading1"),                                          # 3
        ('<w:p><w:r><w:t xml:space="preserve">2.1 Opdrachtnemer bewaart de </w:t></w:r>'  # 4: a quote
         '<w:r><w:rPr><w:b/></w:rPr><w:t>Gegevens</w:t></w:r>'                             # over three
         '<w:r><w:t xml:space="preserve"> niet langer dan noodzakelijk.</w:t></w:r></w:p>'),  # runs
        p("2.2 Opdrachtnemer mag geanonimiseerde gegevens aan derden verstrekken &amp; delen."),  # 5
        table,                                                                        # 6, 7, 8, 9
        textbox,                                                                      # 10 (text box: 11)
        p("Artikel 3 Beëindiging", "Heading1"),                                       # 12
        p("3.1 Elk der partijen kan de Overeenkomst opzeggen met een termijn van drie maanden."),  # 13
    ]
    return ("".join(paras) + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" '
            'w:footer="708" w:gutter="0"/></w:sectPr>')


def write_docx(path):
    ns = (f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" mc:Ignorable="wps"')
    members = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '</Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        '</Relationships>',
        "docProps/core.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Overeenkomst clouddienst Parkeren</dc:title>'
        '<dc:language>nl-NL</dc:language></cp:coreProperties>',
        "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '</Relationships>',
        "word/styles.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:styles xmlns:w="{W}">'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        '<w:rPr><w:lang w:val="nl-NL"/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
        '<w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>'
        '</w:styles>',
        "word/document.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document {ns}><w:body>{docx_body()}</w:body></w:document>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in members.items():
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


def write_odt(path):
    o = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
         'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
         'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
         'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
         'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"')
    tp = lambda t: f"<text:p>{t}</text:p>"
    body = "".join([
        '<text:h text:outline-level="1">Cloud Services Agreement</text:h>',            # 0
        '<text:h text:outline-level="1">1 Definitions</text:h>',                        # 1
        tp("1.1 Customer Data: all data the Supplier processes for the Customer."),     # 2
        '<text:h text:outline-level="1">2 Data</text:h>',                               # 3
        tp("2.1 The Supplier retains all rights in usage data and Customer Data."),     # 4
        tp("2.2 The Supplier shall notify the Customer of any <text:span>Security Incident</text:span> "
           "without<text:s/>undue delay."),                                            # 5
        '<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>'
        '<table:table-row><table:table-cell>' + tp("Topic") + '</table:table-cell>'          # 6
        '<table:table-cell>' + tp("Agreement") + '</table:table-cell></table:table-row>'   # 7
        '</table:table>',
        '<text:h text:outline-level="1">3 Termination</text:h>',                        # 8
        tp("3.1 Either party may terminate this Agreement with three months' notice."), # 9
    ])
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               f'<office:document-content {o}><office:automatic-styles/><office:body><office:text>'
               f'{body}</office:text></office:body></office:document-content>')
    styles = ('<?xml version="1.0" encoding="UTF-8"?>\n'
              f'<office:document-styles {o}><office:styles/></office:document-styles>')
    meta = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta>'
            '<dc:title>Cloud Services Agreement</dc:title><dc:language>en-GB</dc:language>'
            '</office:meta></office:document-meta>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        info = zipfile.ZipInfo("mimetype", STAMP)
        info.compress_type = zipfile.ZIP_STORED
        z.writestr(info, b"application/vnd.oasis.opendocument.text")
        for name, text in [("content.xml", content), ("styles.xml", styles), ("meta.xml", meta),
                           ("META-INF/manifest.xml", manifest)]:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    write_docx(out / "fixture-nl.docx")
    write_odt(out / "fixture-en.odt")
