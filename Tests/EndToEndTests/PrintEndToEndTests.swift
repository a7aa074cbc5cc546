import FieldbookCore
import Foundation
import Testing

/// Chromium, pdfinfo and pdftotext, which the printing test needs (`.ci/run` installs them).
let printToolsAvailable = spawn(["/bin/sh", "-c", "command -v chromium && command -v pdfinfo && command -v pdftotext"]).status == 0

/// The printable pages as a person prints them: `fieldbook print … --out` on a copy of the
/// sample data, then a real headless browser prints each page to PDF, and the PDF's page
/// count and text are read back.
@Suite(.serialized, .enabled(if: printToolsAvailable, "chromium or poppler-utils (pdfinfo, pdftotext) is not installed"))
struct PrintEndToEndTests {
    let data: DataCopy
    let pages: URL

    init() throws {
        data = try DataCopy()
        pages = data.root.appendingPathComponent("pages")
    }

    func fieldbook(_ arguments: String...) -> (status: Int32, output: String) {
        spawn(["/usr/bin/env", "XDG_STATE_HOME=\(data.root.path)/state", "XDG_CACHE_HOME=\(data.root.path)/cache",
               "XDG_CONFIG_HOME=\(data.root.path)/config", binary] + arguments + ["--data", data.folder.path, "--as-of", "2026-11-21"])
    }

    /// Prints `html` to PDF in headless Chromium; the PDF's page count and text.
    func printToPDF(_ html: URL) throws -> (pages: Int, text: String) {
        let pdf = html.deletingPathExtension().appendingPathExtension("pdf")
        let started = Date()
        let browser = spawn(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                             "--user-data-dir=\(data.root.path)/chromium", "--print-to-pdf=\(pdf.path)", html.absoluteString])
        print("chromium printed \(html.lastPathComponent) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        #expect(FileManager.default.fileExists(atPath: pdf.path), "\(browser.output)")
        let info = spawn(["pdfinfo", pdf.path]).output
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
        let text = spawn(["pdftotext", "-layout", pdf.path, "-"]).output
        return (try #require(pages, "\(info)"), text)
    }

    @Test func theClientSummaryPrintsOnOnePage() throws {
        // Zoë Fernández has the most employers contacted on her behalf and a long profile:
        // the fullest summary of the sample caseload.
        let out = pages.appendingPathComponent("summary.html")
        let result = fieldbook("print", "client", "zoe fernandez", "--out", out.path, "--paper", "letter")
        #expect(result.status == 0, "\(result.output)")
        let mode = try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let printed = try printToPDF(out)
        #expect(printed.pages == 1, "\(printed.text)")
        #expect(printed.text.contains("Client summary: Zoë Fernández"))
        #expect(printed.text.contains("Next due"))
        #expect(printed.text.contains("Employers contacted"))
        #expect(printed.text.contains("Printed on"))
        let a4 = pages.appendingPathComponent("summary-a4.html")
        #expect(fieldbook("print", "client", "zoe fernandez", "--out", a4.path, "--paper", "a4").status == 0)
        #expect(try printToPDF(a4).pages == 1)
    }

    @Test func theProfileHasItsSections() throws {
        let out = pages.appendingPathComponent("profile.html")
        let result = fieldbook("print", "profile", "zoe fernandez", "--out", out.path)
        #expect(result.status == 0, "\(result.output)")
        let printed = try printToPDF(out)
        #expect(printed.pages > 1)
        let text = printed.text.replacingOccurrences(of: "\n", with: " ")
        for section in DefaultCareerProfile.definition.sections {
            #expect(text.contains(section.title), "\(section.title)")
        }
        #expect(!printed.text.contains("(not answered)"))
    }

    @Test func theCaseloadNamesTheSpecialistsClients() throws {
        let out = pages.appendingPathComponent("caseload.html")
        let result = fieldbook("print", "caseload", "--specialist", "maria", "--out", out.path)
        #expect(result.status == 0, "\(result.output)")
        let printed = try printToPDF(out)
        let snapshot = try Store(folder: data.folder, mode: .readOnly).load()
        let maria = try #require(snapshot.specialists.first { $0.name == "Maria Okafor" })
        let day = date("2026-11-21")
        let hers = snapshot.clients.filter { $0.specialistID == maria.id && $0.status(on: day).isActive }
        let others = snapshot.clients.filter { $0.specialistID != maria.id && $0.status(on: day).isActive }
        #expect(!hers.isEmpty)
        #expect(printed.text.contains("Caseload: Maria Okafor"))
        #expect(printed.text.contains("\(hers.count) active clients"), "\(printed.text)")
        // A long name may wrap in its cell: compare the words of the page without line breaks.
        // Names in scripts this machine has no font for (CJK without fonts-noto-cjk) do not come
        // back from the PDF as text; every other name must.
        let words = printed.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let readable = hers.filter { client in client.name.unicodeScalars.allSatisfy { !(0x2E80...0xFFEF).contains($0.value) } }
        #expect(readable.count >= hers.count * 3 / 4)
        for client in readable {
            let first = String(client.name.split(separator: " ")[0])
            #expect(words.contains(first), "\(client.name)")
        }
        for client in others where !hers.contains(where: { $0.name.split(separator: " ")[0] == client.name.split(separator: " ")[0] }) {
            #expect(!words.contains(client.name), "\(client.name) is not Maria's")
        }
    }
}

private func date(_ text: String) -> LocalDate { (try? LocalDate(parsing: text))! }
