import Foundation
import Testing

/// Fieldbook builds on macOS too (Package.swift declares it): every use of the C library's
/// module by name sits behind `#if canImport(Glibc)` with a `canImport(Darwin)` branch beside it,
/// in the sources and in the tests alike.
@Suite struct PortabilityTests {
    /// Where `Glibc` or `Darwin` is used outside a branch for it: "path:line: text".
    static func unguardedUses(in text: String, path: String) -> [String] {
        var branches: [String] = []   // the condition of each open #if branch, innermost last
        var problems: [String] = []
        var branchesOfIf: [[String]] = [] // per open #if, the conditions of its branches so far
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            // The code of the line: string literals emptied, comments dropped.
            let unquoted = line.contains("\"") ? line.replacing(#/"([^"\\]|\\.)*"/#, with: "\"\"") : line
            let code = unquoted.components(separatedBy: "//").first ?? ""
            if code.hasPrefix("#if ") {
                branches.append(String(code.dropFirst(4)))
                branchesOfIf.append([String(code.dropFirst(4))])
            } else if code.hasPrefix("#elseif ") {
                branches[branches.count - 1] = String(code.dropFirst(8))
                branchesOfIf[branchesOfIf.count - 1].append(String(code.dropFirst(8)))
            } else if code.hasPrefix("#else") {
                branches[branches.count - 1] = "else"
            } else if code.hasPrefix("#endif") {
                let conditions = branchesOfIf.removeLast()
                if conditions.contains("canImport(Glibc)") && !conditions.contains("canImport(Darwin)") {
                    problems.append("\(path):\(number + 1): a canImport(Glibc) branch without a canImport(Darwin) one")
                }
                branches.removeLast()
            }
            for module in ["Glibc", "Darwin"] where code.contains("import \(module)") || code.contains("\(module).") {
                if !branches.contains("canImport(\(module))") {
                    problems.append("\(path):\(number + 1): \(line)")
                }
            }
        }
        return problems
    }

    @Test func theCLibraryIsOnlyUsedBehindCanImport() throws {
        var problems: [String] = []
        var files = 0
        for folder in ["Sources", "Tests"] {
            let root = packageRoot.appendingPathComponent(folder)
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard url.pathExtension == "swift" else { continue }
                files += 1
                let text = try String(contentsOf: url, encoding: .utf8)
                problems += Self.unguardedUses(in: text, path: url.path.replacingOccurrences(of: packageRoot.path + "/", with: ""))
            }
        }
        #expect(files > 50)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func theCheckSeesAnUnguardedCall() {
        let guarded = "#if canImport(Glibc)\nimport Glibc\n#elseif canImport(Darwin)\nimport Darwin\n#endif\nlet x = 1\n"
        #expect(Self.unguardedUses(in: guarded, path: "a.swift").isEmpty)
        #expect(Self.unguardedUses(in: "import Glibc\n", path: "a.swift") == ["a.swift:1: import Glibc"])
        #expect(Self.unguardedUses(in: guarded + "Glibc.write(1, p, 2)\n", path: "a.swift") == ["a.swift:7: Glibc.write(1, p, 2)"])
        #expect(Self.unguardedUses(in: "#if canImport(Glibc)\nimport Glibc\n#endif\n", path: "a.swift")
            == ["a.swift:3: a canImport(Glibc) branch without a canImport(Darwin) one"])
    }
}

/// What the repository holds of the demo data: records, never the lock a save takes.
@Suite struct SampleDataInGitTests {
    @Test func theSampleDataInGitHoldsNoLockFile() throws {
        let listed = spawn(["git", "-C", packageRoot.path, "ls-files", "--", "sample-data"])
        try #require(listed.status == 0 && !listed.output.isEmpty, "not a git checkout: \(listed.output)")
        #expect(!listed.output.contains(".fieldbook.lock"), "a lock file is never data")
        let ignored = spawn(["git", "-C", packageRoot.path, "check-ignore", "-q", "sample-data/.fieldbook.lock"])
        #expect(ignored.status == 0, "sample-data/.fieldbook.lock is not in .gitignore")
    }
}
