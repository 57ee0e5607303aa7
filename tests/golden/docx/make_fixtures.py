#!/usr/bin/env python3
"""Writes the DOCX golden fixtures of tests/golden/docx with the standard
library only (zipfile).  Each fixture exercises one part of the reader with
answers known by construction (see the comments); the expected outputs of
`tenderlint extract` are the committed *.json / *.txt files beside them.

    python3 make_fixtures.py [OUTDIR]     (default: this folder)

The files are deterministic (fixed timestamps), so re-running gives the same
bytes and git shows no change."""
import os
import sys
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = ('xmlns:w="%s" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable=""' % W)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = {
    "document": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "styles": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
    "numbering": "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
    "footnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "endnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
    "comments": "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
    "header": "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "footer": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
}
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def r(text, rpr=""):
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, text)


def p(content, ppr=""):
    return "<w:p>%s%s</w:p>" % ("<w:pPr>%s</w:pPr>" % ppr if ppr else "", content)


def style_p(style, content, extra=""):
    return p(content, '<w:pStyle w:val="%s"/>%s' % (style, extra))


def num_p(num, lvl, content):
    return p(content, '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (lvl, num))


def package(path, main="word/document.xml", body="", styles=None, numbering=None, footnotes=None,
            endnotes=None, comments=None, headers=(), footers=()):
    """One DOCX; `main` is where the main part lives (found through _rels/.rels)."""
    folder, name = os.path.split(main)
    parts = {main: XML + "<w:document %s><w:body>%s</w:body></w:document>" % (NS, body)}
    rels, types = [], [(main, "document")]

    def add(kind, target, xml):
        full = os.path.join(folder, target)
        parts[full] = XML + xml
        rels.append((kind, target))
        types.append((full, kind))

    if styles is not None:
        add("styles", "styles.xml", "<w:styles %s>%s</w:styles>" % (NS, styles))
    if numbering is not None:
        add("numbering", "numbering.xml", "<w:numbering %s>%s</w:numbering>" % (NS, numbering))
    if footnotes is not None:
        add("footnotes", "footnotes.xml", "<w:footnotes %s>%s</w:footnotes>" % (NS, footnotes))
    if endnotes is not None:
        add("endnotes", "endnotes.xml", "<w:endnotes %s>%s</w:endnotes>" % (NS, endnotes))
    if comments is not None:
        add("comments", "comments.xml", "<w:comments %s>%s</w:comments>" % (NS, comments))
    for i, h in enumerate(headers, 1):
        add("header", "header%d.xml" % i, "<w:hdr %s>%s</w:hdr>" % (NS, h))
    for i, f in enumerate(footers, 1):
        add("footer", "footer%d.xml" % i, "<w:ftr %s>%s</w:ftr>" % (NS, f))
    parts["_rels/.rels"] = XML + (
        '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%sofficeDocument" Target="/%s"/>'
        '</Relationships>' % (PKG_REL, REL, main))
    parts[os.path.join(folder, "_rels", name + ".rels")] = XML + '<Relationships xmlns="%s">%s</Relationships>' % (
        PKG_REL, "".join('<Relationship Id="rId%d" Type="%s%s" Target="%s"/>' % (i + 10, REL, k, t)
                         for i, (k, t) in enumerate(rels)))
    parts["[Content_Types].xml"] = XML + (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>%s</Types>' % "".join(
            '<Override PartName="/%s" ContentType="%s"/>' % (n, CT[k]) for n, k in types))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n in ["[Content_Types].xml", "_rels/.rels"] + sorted(k for k in parts if k not in (
                "[Content_Types].xml", "_rels/.rels")):
            info = zipfile.ZipInfo(n, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[n].encode("utf-8"))


STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:basedOn w:val="Standaard"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Lid"><w:name w:val="Artikellid"/><w:basedOn w:val="Standaard"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Inhopg1"><w:name w:val="toc 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>')

# Artikel %1 > %1.%2 > %3) ; a bullet list in num 2
NUMBERING = (
    '<w:abstractNum w:abstractNumId="10">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Kop1"/>'
    '<w:lvlText w:val="Artikel %1"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Lid"/>'
    '<w:lvlText w:val="%1.%2"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>'
    '</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="20"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>')

TEXTBOX = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
           '<a:graphicData><wps:wsp><wps:txbx><w:txbxContent>%s</w:txbxContent></wps:txbx></wps:wsp>'
           '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
           '<v:shape><v:textbox><w:txbxContent>%s</w:txbxContent></v:textbox></v:shape></w:pict>'
           '</mc:Fallback></mc:AlternateContent></w:r>')


def fld(instr, result):
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">%s'
            '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>%s'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>' % (instr, result))


def contract(path):
    """A small Dutch contract: numbered articles through the heading style,
    members through a style on level 1, letters, a bullet, a TOC, a table,
    a footnote, a comment, a header/footer, a text box, fields, a hyperlink,
    a content control, a word split over runs and a typed article number."""
    box = p(r("Kader: vertrouwelijk"))
    body = "".join([
        style_p("Titel", r("Overeenkomst ICT-dienstverlening")),
        style_p("Inhopg1", fld('TOC \\o "1-2"', r("Artikel 1 Definities 1"))),
        style_p("Kop1", r("Definities")),
        style_p("Lid", r("In deze overeenkomst wordt verstaan onder:")),
        num_p(1, 2, r("Opdrachtgever: de gemeente;")),
        num_p(1, 2, r("Opdrachtnemer: de leverancier.")),
        style_p("Kop1", r("Gegevens")),
        style_p("Lid", '<w:commentRangeStart w:id="3"/>' + r("Opdrachtnemer zal de gegevens niet ver") +
                r("kopen", "<w:rPr><w:b/></w:rPr>") + r(" of doorgeven.") + '<w:commentRangeEnd w:id="3"/>'
                '<w:r><w:commentReference w:id="3"/></w:r>'),
        style_p("Lid", r("De gegevens blijven in de EU") +
                '<w:r><w:footnoteReference w:id="1"/></w:r>' + r(".")),
        num_p(2, 0, r("een opsomming met een bullet")),
        p(r("Zie ") + fld("REF _Ref1 \\r \\h", r("artikel 1")) + r(" en ") +
          '<w:hyperlink r:id="rId99">' + r("de website") + '</w:hyperlink>' + r(".")),
        p(r("Anker") + TEXTBOX % (box, box)),
        '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>'
        '<w:tr><w:tc>' + p(r("Dienst")) + '</w:tc><w:tc>' + p(r("Prijs")) + '</w:tc></w:tr>'
        '<w:tr><w:tc>' + p(r("Hosting")) + '</w:tc><w:tc>' + p(r("EUR 100")) + '</w:tc></w:tr></w:tbl>',
        p(r("Artikel 3 - Slotbepaling")),
        p(r("3.1 Op deze overeenkomst is Nederlands recht van toepassing.")),
        p('<w:sdt><w:sdtPr><w:alias w:val="Plaats"/></w:sdtPr><w:sdtContent>' + r("Utrecht") +
          '</w:sdtContent></w:sdt>' + r(", 1 januari 2024")),
    ])
    package(path, body=body, styles=STYLES, numbering=NUMBERING,
            footnotes='<w:footnote w:type="separator" w:id="-1">' + p('<w:r><w:separator/></w:r>') +
                      '</w:footnote><w:footnote w:id="1">' + p('<w:r><w:footnoteRef/></w:r>' +
                                                                  r(" Of in de EER.")) + '</w:footnote>',
            comments='<w:comment w:id="3" w:author="Inkoper">' + p(r("Ook niet verhuren?")) + '</w:comment>',
            headers=[p(r("Concept"))], footers=[p(fld("PAGE", r("1")))])


def revisions(path):
    """Tracked changes: an insertion, a deletion, a move, a format change, a
    deleted paragraph mark and an inserted table row."""
    body = "".join([
        p(r("De prijs is ") + '<w:ins w:id="1" w:author="Jan"><w:r><w:t>vijftig</w:t></w:r></w:ins>'
          '<w:del w:id="2" w:author="Piet"><w:r><w:delText>veertig</w:delText></w:r></w:del>' + r(" euro.")),
        p('<w:moveFrom w:id="3" w:author="Jan"><w:r><w:t>Betaling binnen 30 dagen.</w:t></w:r></w:moveFrom>'),
        p(r("Facturen per maand.")),
        p('<w:moveTo w:id="4" w:author="Jan"><w:r><w:t>Betaling binnen 30 dagen.</w:t></w:r></w:moveTo>'),
        p(r("Een zin die "), '<w:rPr><w:del w:id="5" w:author="Piet"/></w:rPr>'),
        p(r("doorloopt."), '<w:rPr><w:b/><w:rPrChange w:id="6" w:author="Kees"><w:rPr/></w:rPrChange></w:rPr>'),
        '<w:tbl><w:tr><w:tc>' + p(r("vast")) + '</w:tc></w:tr><w:tr><w:trPr><w:ins w:id="7" w:author="Jan"/>'
        '</w:trPr><w:tc>' + p('<w:ins w:id="8" w:author="Jan"><w:r><w:t>nieuwe rij</w:t></w:r></w:ins>',
                              '<w:rPr><w:ins w:id="9" w:author="Jan"/></w:rPr>') + '</w:tc></w:tr></w:tbl>',
    ])
    package(path, body=body)


def main_elsewhere(path):
    """The main part is not word/document.xml: only _rels/.rels says where."""
    package(path, main="inhoud/hoofd.xml", body=p(r("Hoofddeel buiten word/.")) +
            style_p("K2", r("Kop via eigen stijl")),
            styles='<w:style w:type="paragraph" w:styleId="K2"><w:name w:val="Kop 2"/></w:style>')


def lists(path):
    """Restarts, startOverride, isLgl and legal numbering through a numbering style."""
    numbering = (
        '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="upperRoman"/><w:lvlText w:val="Hoofdstuk %1"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/>'
        '<w:lvlText w:val="%1.%2"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>'
        '</w:abstractNum>'
        '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="Juridisch"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    styles = ('<w:style w:type="numbering" w:styleId="Juridisch"><w:name w:val="Juridisch"/>'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    body = "".join([
        num_p(1, 0, r("Algemeen")), num_p(1, 1, r("Toepassing")), num_p(1, 2, r("eerste")),
        num_p(1, 2, r("tweede")), num_p(1, 1, r("Looptijd")), num_p(2, 0, r("Uitvoering")),
        num_p(2, 1, r("Planning")), num_p(1, 2, r("derde, via dezelfde lijst")),
        num_p(3, 0, r("Opnieuw vanaf I")), num_p(3, 1, r("Eerste lid")),
    ])
    package(path, body=body, styles=styles, numbering=numbering)


FIXTURES = {"contract-nl.docx": contract, "revisions.docx": revisions,
            "main-part-elsewhere.docx": main_elsewhere, "lists-legal.docx": lists}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out, exist_ok=True)
    for name, fn in FIXTURES.items():
        fn(os.path.join(out, name))
        print(os.path.join(out, name))


if __name__ == "__main__":
    main()
