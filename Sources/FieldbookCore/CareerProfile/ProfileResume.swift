/// Where a meeting on the career profile picks up: the first question shown and unanswered
/// after the one answered last, wrapping round to earlier ones; with every question shown
/// answered, the first question shown. The career profile page and its summary ask this type.
public enum ProfileResume {
    /// The first of `questions` (ids in the definition's order) from `questionID` on (from the
    /// start when nil or unknown), wrapping round to the start, that `isOpen` accepts (shown and
    /// unanswered); nil when none is.
    public static func nextOpen(in questions: [String], from questionID: String?, isOpen: (String) -> Bool) -> String? {
        let start = questionID.flatMap { questions.firstIndex(of: $0) } ?? 0
        for id in questions[start...] + questions[..<start] where isOpen(id) { return id }
        return nil
    }

    /// The question a meeting starts at, after `lastAnswered`; `firstShown` when none is open.
    public static func question(in questions: [String], lastAnswered: String?, firstShown: String?,
                                isOpen: (String) -> Bool) -> String? {
        nextOpen(in: questions, from: lastAnswered, isOpen: isOpen) ?? firstShown
    }
}
