/// Collects the characters of a bracketed paste (the terminal sends `ESC [ 200 ~`, the text,
/// then `ESC [ 201 ~`) into one piece of text, whatever it holds: an Escape inside a paste is
/// text, never a key.
public struct BracketedPaste: Sendable {
    static let start: String = "\u{1B}[200~"
    static let end: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]
    /// The most a paste keeps (a runaway paste is cut, never a crash).
    static let limit = 1 << 20

    private var scalars: [Unicode.Scalar] = []
    public private(set) var isFinished = false

    public init() {}

    /// Adds one character as read; true once the end marker has come.
    public mutating func add(_ value: UInt32) -> Bool {
        guard !isFinished else { return true }
        guard let scalar = Unicode.Scalar(value) else { return false }
        scalars.append(scalar)
        if scalars.count >= Self.end.count, Array(scalars.suffix(Self.end.count)) == Self.end {
            scalars.removeLast(Self.end.count)
            isFinished = true
        } else if scalars.count > Self.limit + Self.end.count {
            // Keep the tail that could still be the end marker.
            scalars.remove(at: Self.limit)
        }
        return isFinished
    }

    /// The pasted text (without the markers).
    public var text: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.prefix(Self.limit))
        return String(view)
    }
}
