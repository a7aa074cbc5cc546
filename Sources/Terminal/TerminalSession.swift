import CNcursesw
import CTextWidth
import FieldbookUI

/// What the terminal reports: a key, a paste, a new size, or nothing before the timeout.
public enum TerminalInput: Equatable, Sendable {
    case key(Key)
    case paste(String)
    case resize(Size)
}

public enum TerminalError: Error, CustomStringConvertible {
    case unknownTerminal(String)
    /// The terminal cannot move the cursor (TERM=dumb, a pipe-like terminal).
    case noCursorAddressing(String)
    /// Neither the user's locale nor any other on this machine is UTF-8.
    case noUTF8Locale(String)
    case notATerminal

    public var description: String {
        switch self {
        case .unknownTerminal(let name):
            "the terminal type \"\(name)\" is unknown here; set TERM to one this machine knows (e.g. xterm-256color)"
        case .noCursorAddressing(let name):
            "the terminal type \"\(name)\" cannot move the cursor, so Fieldbook cannot draw its screen; set TERM to a full-screen terminal (e.g. xterm-256color)"
        case .noUTF8Locale(let name):
            "the locale \"\(name)\" is not UTF-8 and this machine has no UTF-8 locale (such as C.UTF-8); install one, or set LANG to one (e.g. LANG=C.UTF-8)"
        case .notATerminal:
            "Fieldbook needs a terminal: standard input and output must not be redirected"
        }
    }
}

/// The only code that talks to ncurses: starts and stops the terminal, reads keys, and draws
/// screens by writing only the cells that changed since the last frame.
@MainActor
public final class TerminalSession {
    private let screenPointer: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let useColor: Bool
    private var previous: Screen?
    private var pairs: [Style.Role: Int32] = [:]
    private var stopped = false
    private let outputFile: UnsafeMutablePointer<FILE>?
    private let inputFile: UnsafeMutablePointer<FILE>?
    public private(set) var size: Size

    /// Starts full-screen mode on the real terminal (alternate screen, no echo, keypad on).
    public static func start(useColor: Bool) throws -> TerminalSession {
        guard Platform.isTerminal(0), Platform.isTerminal(1) else { throw TerminalError.notATerminal }
        let userLocaleIsUTF8 = Platform.adoptUserLocale()
        let userLocale = Platform.characterLocaleName()
        // The screen is drawn in UTF-8: another locale is switched for one that is, or refused.
        guard fieldbook_use_utf8_ctype() == 1 else { throw TerminalError.noUTF8Locale(userLocale) }
        let notice = userLocaleIsUTF8 ? nil
            : "The locale \"\(userLocale)\" is not UTF-8; Fieldbook uses \(Platform.characterLocaleName()) instead."
        let name = Platform.environment("TERM") ?? "(not set)"
        TerminalSignals.prepare()
        let output = Platform.openCopy(of: 1, mode: "w")
        let input = Platform.openCopy(of: 0, mode: "r")
        guard let pointer = newterm(nil, output, input) else {
            if let output { Platform.close(output) }
            if let input { Platform.close(input) }
            throw TerminalError.unknownTerminal(name)
        }
        // A terminal that cannot move the cursor would show one line at the bottom.
        guard hasString("cup") else {
            endwin()
            delscreen(pointer)
            if let output { Platform.close(output) }
            if let input { Platform.close(input) }
            throw TerminalError.noCursorAddressing(name)
        }
        let session = TerminalSession(screen: pointer, useColor: useColor, output: output, input: input)
        session.localeNotice = notice
        session.enableBracketedPaste()
        TerminalSignals.armCrashRestore()
        return session
    }

    /// A notice for the user when the locale was switched to a UTF-8 one.
    public private(set) var localeNotice: String?
    /// True once the terminal has hung up (see `read`).
    public private(set) var hungUp = false
    private var bracketedPaste = false
    /// Key codes Fieldbook gives the start of a paste (past ncurses' own codes).
    private static let pasteStartCode = Int32(KEY_MAX) + 1

    private static func hasString(_ capability: String) -> Bool {
        guard let value = tigetstr(capability) else { return false }
        return Int(bitPattern: value) != -1
    }

    /// Asks the terminal to mark pastes (when its terminfo says how: BE), and teaches ncurses
    /// the start marker as a key code of its own.
    private func enableBracketedPaste() {
        guard Self.hasString("BE"), let enable = tigetstr("BE"), let outputFile else { return }
        define_key(BracketedPaste.start, Self.pasteStartCode)
        Platform.write(String(cString: enable), to: outputFile)
        bracketedPaste = true
    }

    /// A terminal that draws into memory only, for tests: ncurses writes to /dev/null, and
    /// reads keys from `input` (a descriptor the test writes bytes to) or /dev/null.
    public static func headless(size: Size, useColor: Bool = false, input inputDescriptor: Int32? = nil) -> TerminalSession? {
        _ = fieldbook_use_utf8_ctype()
        let output = Platform.open("/dev/null", mode: "w")
        let input = inputDescriptor.flatMap { Platform.openCopy(of: $0, mode: "r") } ?? Platform.open("/dev/null", mode: "r")
        guard let pointer = newterm("xterm", output, input) else { return nil }
        let session = TerminalSession(screen: pointer, useColor: useColor, output: output, input: input)
        resizeterm(Int32(size.rows), Int32(size.columns))
        session.size = size
        return session
    }

    private init(screen: OpaquePointer, useColor: Bool, output: UnsafeMutablePointer<FILE>?, input: UnsafeMutablePointer<FILE>?) {
        screenPointer = screen
        outputFile = output
        inputFile = input
        set_term(screen)
        window = fb_stdscr()!
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        TerminalKeys.learnExtendedKeys()
        set_escdelay(25)
        curs_set(0)
        TerminalSignals.allowControlS()
        def_prog_mode()
        let colorWanted = useColor && has_colors()
        if colorWanted {
            start_color()
            use_default_colors()
        }
        self.useColor = colorWanted
        size = Size(rows: Int(fb_lines()), columns: Int(fb_cols()))
        if colorWanted { allocatePairs() }
    }

    private func allocatePairs() {
        let colors: [Style.Role: Int32] = [
            .header: Int32(COLOR_BLUE), .tab: Int32(COLOR_CYAN), .selected: Int32(COLOR_CYAN),
            .key: Int32(COLOR_YELLOW), .warning: Int32(COLOR_YELLOW), .danger: Int32(COLOR_RED),
            .success: Int32(COLOR_GREEN), .escape: Int32(COLOR_MAGENTA), .title: -1, .input: -1,
        ]
        for (role, foreground) in colors where foreground >= 0 {
            let pair = alloc_pair(foreground, -1)
            if pair > 0 { pairs[role] = pair }
        }
    }

    /// Leaves full-screen mode and gives the terminal back as it was.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        TerminalSignals.disarmCrashRestore()
        if bracketedPaste, Self.hasString("BD"), let disable = tigetstr("BD"), let outputFile {
            Platform.write(String(cString: disable), to: outputFile)
        }
        curs_set(1)
        endwin()
        delscreen(screenPointer)
        if let outputFile { Platform.close(outputFile) }
        if let inputFile { Platform.close(inputFile) }
    }

    // MARK: Input

    /// Waits up to `timeoutMilliseconds` for a key or a resize; with a `wakeup`, also returns
    /// nil as soon as it rings (first taking what ncurses already holds, so no key waits).
    public func read(timeoutMilliseconds: Int32, wakeup: Wakeup? = nil) -> TerminalInput? {
        guard let wakeup, let inputFile else { return readKey(timeoutMilliseconds: timeoutMilliseconds) }
        // A key ncurses has already read (the rest of an escape sequence it pushed back) or
        // one waiting on the terminal comes first.
        if let input = readKey(timeoutMilliseconds: 0) { return input }
        if hungUp { return nil }
        switch Platform.waitForInput(fileno(inputFile), or: wakeup.readEnd, timeoutMilliseconds: timeoutMilliseconds) {
        case .input:
            // A key's bytes are arriving; an escape sequence's rest gets ncurses' own delay.
            return readKey(timeoutMilliseconds: 10)
        case .woken:
            wakeup.drain()
            return nil
        case .interrupted:
            // A signal: a resize is waiting in ncurses, or a stop the loop will see.
            return readKey(timeoutMilliseconds: 0)
        case .timedOut:
            return nil
        }
    }

    private func readKey(timeoutMilliseconds: Int32) -> TerminalInput? {
        wtimeout(window, timeoutMilliseconds)
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        if result == KEY_CODE_YES {
            let code = Int32(character)
            if code == KEY_RESIZE {
                size = Size(rows: Int(fb_lines()), columns: Int(fb_cols()))
                previous = nil
                return .resize(size)
            }
            if code == Self.pasteStartCode && bracketedPaste { return readPaste() }
            return TerminalKeys.key(forCode: code).map(TerminalInput.key)
        }
        if result == OK {
            return TerminalKeys.key(forCharacter: UInt32(character)).map(TerminalInput.key)
        }
        // No key: the wait ran out, or the terminal is gone and every read now fails at once.
        if let inputFile, Platform.isHungUp(inputFile) { hungUp = true }
        return nil
    }

    /// Reads a paste up to its end marker, every character as it is (keypad off, so an escape
    /// sequence inside stays text). A paste cut short (no end within a second) keeps what came.
    private func readPaste() -> TerminalInput {
        var paste = BracketedPaste()
        keypad(window, false)
        defer { keypad(window, true) }
        wtimeout(window, 1000)
        var character: wint_t = 0
        while wget_wch(window, &character) != ERR {
            if paste.add(UInt32(character)) { break }
        }
        return .paste(paste.text)
    }

    // MARK: Output

    /// Draws `screen`, writing only the cells that differ from the last frame. Cells are plain
    /// data, read in place.
    public func draw(_ screen: Screen) {
        let before = previous?.size == screen.size ? previous : nil
        let painter = CellPainter(window: window, pairs: useColor ? pairs : [:])
        screen.cells.withUnsafeBufferPointer { now in
            (before?.cells ?? []).withUnsafeBufferPointer { old in
                painter.paint(now, was: before == nil ? nil : old, rows: screen.rows, columns: screen.columns)
            }
        }
        previous = screen
        wnoutrefresh(window)
        doupdate()
    }

    /// Paints everything again from scratch (Ctrl-L, after a suspend).
    public func repaint(_ screen: Screen) {
        previous = nil
        clearok(window, true)
        draw(screen)
    }

    /// The rows ncurses holds now, as text (tests read a headless screen back with this).
    /// The look of one cell as ncurses holds it (the attributes only; role left normal).
    public func readBackStyle(row: Int, column: Int) -> Style {
        let attributes = fb_cell_attributes(window, Int32(row), Int32(column))
        return Style(bold: attributes & fb_a_bold() != 0, reverse: attributes & fb_a_reverse() != 0,
                     underline: attributes & fb_a_underline() != 0, dim: attributes & fb_a_dim() != 0)
    }

    public func readBack() -> [String] {
        var lines: [String] = []
        let columns = Int(fb_cols())
        for row in 0..<Int(fb_lines()) {
            var buffer = [wchar_t](repeating: 0, count: columns * 4 + 1)
            let count = buffer.withUnsafeMutableBufferPointer { pointer in
                mvwinnwstr(window, Int32(row), 0, pointer.baseAddress, Int32(columns * 4))
            }
            let scalars = buffer.prefix(max(0, Int(count))).compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
            var text = String(String.UnicodeScalarView(scalars))
            while text.last == " " { text.removeLast() }
            lines.append(text)
        }
        return lines
    }
}
