import Foundation
import Testing

/// The tool that makes the manual page, built by `swift package plugin generate-manual`
/// (`.ci/manual`, and `.ci/run` before the tests) beside the binary.
let manualTool = URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("generate-manual-tool").path
let manualToolBuilt = FileManager.default.isExecutableFile(atPath: manualTool)

/// Shell completions (`fieldbook completions bash|zsh|fish`) and the manual page
/// (docs/fieldbook.1), both made by the command line parser from the commands themselves.
@Suite struct ManualAndCompletionTests {
    /// A command as the parser describes it (`fieldbook --experimental-dump-help`).
    struct Command {
        var path: [String]
        var options: [String]
    }

    /// Every command under `fieldbook`, depth first (the parser's own `help` left out), with
    /// the long names of the options it shows in its help.
    static func commands() throws -> [Command] {
        let dump = spawn([binary, "--experimental-dump-help"])
        try #require(dump.status == 0, "\(dump.output.prefix(300))")
        let root = try #require((try JSONSerialization.jsonObject(with: Data(dump.output.utf8)) as? [String: Any])?["command"] as? [String: Any])
        var found: [Command] = []
        func visit(_ command: [String: Any], _ path: [String]) {
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                guard let name = sub["commandName"] as? String, name != "help" else { continue }
                let options = (sub["arguments"] as? [[String: Any]] ?? []).filter { $0["shouldDisplay"] as? Bool == true }
                    .flatMap { $0["names"] as? [[String: Any]] ?? [] }
                    .filter { $0["kind"] as? String == "long" }.compactMap { $0["name"] as? String }
                    .filter { $0 != "help" && $0 != "version" }
                found.append(Command(path: path + [name], options: options))
                visit(sub, path + [name])
            }
        }
        visit(root, [])
        return found
    }

    static func script(_ shell: String) throws -> String {
        let result = spawn([binary, "completions", shell])
        try #require(result.status == 0, "\(result.output.prefix(300))")
        return result.output
    }

    @Test func theCommandsAreThereToCheck() throws {
        let commands = try Self.commands()
        #expect(commands.count >= 30, "\(commands.map(\.path))")
        #expect(commands.contains { $0.path == ["sync", "status"] && $0.options.contains("json") })
        #expect(commands.contains { $0.path == ["report"] && $0.options.contains("quarter") })
        #expect(!commands.contains { $0.options.contains("today") }, "a hidden option is not completed")
    }

    @Test func theBashScriptIsValidAndNamesEverySubcommandAndOption() throws {
        let script = try Self.script("bash")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-completion-\(UUID().uuidString).bash")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(script.utf8).write(to: file)
        let syntax = spawn(["bash", "-n", file.path])
        #expect(syntax.status == 0, "\(syntax.output)")
        for command in try Self.commands() {
            let function = "_fieldbook_" + command.path.joined(separator: "_") + "() {"
            #expect(script.contains(function), "\(command.path)")
            for option in command.options { #expect(script.contains("--\(option)"), "\(command.path): --\(option)") }
        }
        #expect(script == spawn([binary, "--generate-completion-script", "bash"]).output)
    }

    /// What bash offers after a word, as a person pressing Tab gets it.
    @Test func bashOffersReportNamesKindsAndOptions() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-completion-\(UUID().uuidString).bash")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(try Self.script("bash").utf8).write(to: file)
        func offered(_ words: String...) -> [String] {
            let program = """
                source '\(file.path)'
                COMP_WORDS=(\(words.map { "'\($0)'" }.joined(separator: " "))); COMP_CWORD=\(words.count - 1)
                COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
                _fieldbook fieldbook "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                printf '%s\\n' "${COMPREPLY[@]}"
                """
            return spawn(["bash", "-c", program]).output.split(separator: "\n").map(String.init)
        }
        #expect(offered("fieldbook", "rep") == ["report"])
        #expect(offered("fieldbook", "report", "").contains("employment-rate"))
        #expect(offered("fieldbook", "report", "").contains("fidelity-suggestions"))
        #expect(offered("fieldbook", "report", "caseload", "--q") == ["--quarter"])
        #expect(offered("fieldbook", "export", "") == ["clients", "jobs", "client-contacts", "employer-contacts", "all"])
        #expect(offered("fieldbook", "sync", "").contains("status"))
        #expect(offered("fieldbook", "completions", "") == ["bash", "zsh", "fish"])
        #expect(offered("fieldbook", "import", "clients", "a.csv", "--dates", "") == ["dmy", "mdy", "ymd"])
    }

    @Test(arguments: ["zsh", "fish"])
    func theZshAndFishScriptsNameEverySubcommandAndOption(_ shell: String) throws {
        let script = try Self.script(shell)
        for command in try Self.commands() {
            let name = command.path.last ?? ""
            if shell == "zsh" {
                #expect(script.contains("_fieldbook_" + command.path.joined(separator: "_") + "() {"), "\(command.path)")
                #expect(script.contains("'\(name):"), "\(command.path)")
                for option in command.options { #expect(script.contains("--\(option)"), "\(command.path): --\(option)") }
            } else {
                let parent = (["fieldbook"] + command.path.dropLast()).joined(separator: " ")
                #expect(script.contains("\"\(parent)\" -eq 1' -fa '\(name)'"), "\(command.path)")
                let own = "\"" + (["fieldbook"] + command.path).joined(separator: " ") + "\""
                for option in command.options {
                    #expect(script.contains("\(own) \(option)' -l '\(option)'"), "\(command.path): --\(option)")
                }
            }
        }
        // Where the shell is installed, it reads the script too.
        if spawn([shell, "--version"]).status == 0 {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-completion-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(script.utf8).write(to: file)
            let syntax = spawn([shell, "-n", file.path])
            #expect(syntax.status == 0, "\(syntax.output)")
        } else {
            print("\(shell) is not installed: its completion script was checked as text only")
        }
    }

    /// docs/fieldbook.1 lists every command, in the order of the commands' tree.
    @Test func theManualPageNamesEverySubcommand() throws {
        let page = try String(contentsOf: packageRoot.appendingPathComponent("docs/fieldbook.1"), encoding: .utf8)
        let listed = page.split(separator: "\n").filter { $0.hasPrefix(".It Em ") }.map { String($0.dropFirst(7)) }
        #expect(listed == (try Self.commands().map { $0.path.last ?? "" }) + ["help"])
        for command in try Self.commands() {
            for option in command.options { #expect(page.contains(".It Fl -\(option)"), "\(command.path): --\(option)") }
        }
    }

    /// docs/fieldbook.1 is what generate-manual makes of the commands now (with the page's own
    /// date): a command, option or help text changed without `.ci/manual` fails here.
    @Test(.enabled(if: manualToolBuilt, "generate-manual-tool is not built (swift package plugin generate-manual builds it)"))
    func theManualPageIsCurrent() throws {
        let committed = try String(contentsOf: packageRoot.appendingPathComponent("docs/fieldbook.1"), encoding: .utf8)
        let dated = try #require(committed.split(separator: "\n").first { $0.hasPrefix(".Dd ") }).dropFirst(4)
        let reader = DateFormatter()
        reader.locale = Locale(identifier: "en_US_POSIX")
        reader.timeZone = TimeZone(identifier: "UTC")
        reader.dateFormat = "MMMM d, yyyy"
        let date = try #require(reader.date(from: String(dated)), "\(dated)")
        reader.dateFormat = "yyyy-MM-dd"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-manual-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = spawn([manualTool, binary, "--date", reader.string(from: date), "--output-directory", folder.path])
        try #require(made.status == 0, "\(made.output)")
        let now = try String(contentsOf: folder.appendingPathComponent("fieldbook.1"), encoding: .utf8)
        #expect(now == committed, "docs/fieldbook.1 is out of date: run .ci/manual")
    }
}
