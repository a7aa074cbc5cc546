import ArgumentParser
import Foundation

/// `fieldbook completions bash|zsh|fish`: the shell's completion script, made by the command
/// line parser from the commands themselves (the same as `--generate-completion-script`).
struct Completions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the completion script of a shell: subcommands, options, report names, kinds.",
        discussion: """
            bash: fieldbook completions bash > ~/.local/share/bash-completion/completions/fieldbook \
            (or source it from ~/.bashrc). zsh: fieldbook completions zsh > ~/.zsh/completion/_fieldbook, \
            with that folder on $fpath before compinit. fish: fieldbook completions fish > \
            ~/.config/fish/completions/fieldbook.fish. Client and specialist names are not completed.
            """
    )

    enum Shell: String, CaseIterable, ExpressibleByArgument {
        case bash, zsh, fish

        var parserShell: CompletionShell {
            switch self {
            case .bash: .bash
            case .zsh: .zsh
            case .fish: .fish
            }
        }
    }

    @Argument(help: ArgumentHelp("bash, zsh or fish.", valueName: "SHELL"))
    var shell: Shell

    func run() throws {
        // Ending with a newline, as `--generate-completion-script` prints it.
        var script = Fieldbook.completionScript(for: shell.parserShell)
        if !script.hasSuffix("\n") { script += "\n" }
        FileHandle.standardOutput.write(Data(script.utf8))
    }
}
