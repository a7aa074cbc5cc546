/// A self-contained printable page: one HTML document with its style sheet inside, no
/// scripts, no external resources (its Content-Security-Policy forbids both), laid out for
/// Letter or A4. Text handed to it is data and is escaped (`HTMLText.escape`); only this type
/// writes tags.
struct HTMLPage {
    let title: String
    let paper: Paper
    private(set) var body = ""

    init(title: String, paper: Paper) {
        self.title = title
        self.paper = paper
    }

    /// `<tag class="…">text</tag>`, the text escaped.
    mutating func element(_ tag: String, _ text: String, class name: String? = nil) {
        body += "<\(tag)\(attribute(name))>\(HTMLText.escape(text))</\(tag)>\n"
    }

    /// An element holding a label in bold and its value: `<p><b>Label:</b> value</p>` (no colon
    /// after a label that is a question).
    mutating func labelled(_ label: String, _ value: String, class name: String? = nil) {
        let shown = label.hasSuffix("?") ? label : label + ":"
        body += "<p\(attribute(name))><b>\(HTMLText.escape(shown))</b> \(HTMLText.escape(value))</p>\n"
    }

    mutating func open(_ tag: String, class name: String? = nil) { body += "<\(tag)\(attribute(name))>\n" }

    mutating func close(_ tag: String) { body += "</\(tag)>\n" }

    /// A table: a header row repeated on every printed page, then the rows, each cell escaped.
    /// The cells of the `unbroken` columns (dates) never wrap.
    mutating func table(header: [String], rows: [[String]], unbroken: Set<Int> = []) {
        open("table")
        body += "<thead><tr>" + header.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            body += "<tr>" + row.enumerated().map { column, cell in
                (unbroken.contains(column) ? "<td class=\"nowrap\">" : "<td>") + HTMLText.escape(cell) + "</td>"
            }.joined() + "</tr>\n"
        }
        body += "</tbody>\n"
        close("table")
    }

    private func attribute(_ name: String?) -> String {
        name.map { " class=\"\(HTMLText.escape($0))\"" } ?? ""
    }

    /// The whole document.
    var document: String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(Self.style(paper))
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    static func style(_ paper: Paper) -> String {
        let margin = paper == .letter ? "0.6in" : "15mm"
        return """
        @page { size: \(paper.cssSize); margin: \(margin); }
        html { color: #000; background: #fff; }
        body { font: 10pt/1.35 "DejaVu Sans", "Liberation Sans", Helvetica, Arial, sans-serif; margin: 0; }
        @media screen { body { max-width: 52em; margin: 2em auto; padding: 0 1em; } }
        h1 { font-size: 15pt; margin: 0 0 2pt; }
        h2 { font-size: 12pt; margin: 12pt 0 4pt; padding-bottom: 1pt; border-bottom: 1px solid #777; break-after: avoid; }
        h3 { font-size: 10.5pt; margin: 8pt 0 2pt; break-after: avoid; }
        p { margin: 2pt 0; }
        .meta { font-size: 8.5pt; color: #333; }
        .qa { margin: 5pt 0; break-inside: avoid; }
        .q { font-weight: bold; }
        .a { white-space: pre-wrap; margin-left: 1.2em; }
        .src, .earlier { font-size: 8.5pt; color: #444; margin-left: 1.2em; }
        .none { font-style: italic; color: #444; }
        .entry { margin: 2pt 0 2pt 1.2em; }
        .sheet { break-before: page; }
        .sheet:first-of-type { break-before: auto; }
        .clip { white-space: pre-wrap; }
        .nowrap { white-space: nowrap; }
        table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 3pt 0; }
        th, td { text-align: left; vertical-align: top; padding: 2pt 4pt; border-bottom: 1px solid #bbb; }
        th { border-bottom: 1.5px solid #000; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        """
    }
}
