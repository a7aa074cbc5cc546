import Foundation

/// The fast path of career profile session files (two per client in an agency's folder, read by
/// `fieldbook check`, the start-up check and the career profile summaries): field for field what
/// the `Decodable` conformances of `ProfileSessionFile`, `AnswerEntry`, `AnswerValue` and
/// `GroupEntry` read, every field of docs/schema/career-profile-session.schema.json included
/// (`sourceDetail`, the approximate date beside its text). Each key is looked at once; a key this
/// version does not know is skipped, as `Codable` skips it. Anything unusual (a required key
/// missing, a value of another kind, a key with escapes, a number the plain digit reader does not
/// take, a scale out of range) is a `TapeMiss`, and the value is decoded through `Codable`, so
/// records and errors stay that path's. Keep these in step with the conformances
/// (`ProfileFastPathTests` compare both paths on every sample file, generated sessions and
/// hand-edited variants).
extension TapeFastPath {
    static func profileSession(_ tape: JSONTape, at index: Int) throws(TapeMiss) -> ProfileSessionFile {
        var clientID: Int?, sessionID: Int?, startedAt: Int?, definitionVersion: Int?, answers: Int?
        try tape.fastMembers(of: index) { key, value in
            if tape.fastKey(key, is: "answers") { answers = value }
            else if tape.fastKey(key, is: "clientID") { clientID = value }
            else if tape.fastKey(key, is: "definitionVersion") { definitionVersion = value }
            else if tape.fastKey(key, is: "sessionID") { sessionID = value }
            else if tape.fastKey(key, is: "startedAt") { startedAt = value }
        }
        guard let clientID, let sessionID, let startedAt, let definitionVersion, let answers else { throw TapeMiss() }
        return ProfileSessionFile(
            clientID: try tape.fastUUID(clientID), sessionID: try tape.fastUUID(sessionID),
            startedAt: try tape.fastTimestamp(startedAt), definitionVersion: try tape.fastInt(definitionVersion),
            answers: try tape.fastList(at: answers, answerEntry))
    }

    static func answerEntry(_ tape: JSONTape, at index: Int) throws(TapeMiss) -> AnswerEntry {
        var questionID: Int?, value: Int?, answeredAt: Int?, enteredBy: Int?, source: Int?, sourceDetail: Int?
        try tape.fastMembers(of: index) { key, member in
            if tape.fastKey(key, is: "answeredAt") { answeredAt = member }
            else if tape.fastKey(key, is: "enteredBy") { enteredBy = member }
            else if tape.fastKey(key, is: "questionID") { questionID = member }
            else if tape.fastKey(key, is: "source") { source = member }
            else if tape.fastKey(key, is: "sourceDetail") { sourceDetail = member }
            else if tape.fastKey(key, is: "value") { value = member }
        }
        guard let questionID, let value, let answeredAt else { throw TapeMiss() }
        // As `AnswerEntry.init(from:)`: a detail this version knows stands for the source, which
        // is then not read at all; a detail it does not know is ignored.
        let answerSource: AnswerSource
        if let detail = try tape.fastOptionalString(sourceDetail).flatMap(AnswerSource.init(rawValue:)) {
            answerSource = detail
        } else {
            guard let source, let written = AnswerSource(rawValue: try tape.fastString(source)) else { throw TapeMiss() }
            answerSource = written
        }
        return AnswerEntry(questionID: try tape.fastString(questionID), value: try answerValue(tape, at: value),
                           answeredAt: try tape.fastTimestamp(answeredAt), enteredBy: try tape.fastOptionalUUID(enteredBy),
                           source: answerSource)
    }

    /// The keys of an answer value, in `AnswerValue.CodingKeys`' terms.
    private enum ValueKey { case text, choice, choices, yesNo, date, number, scale, entries, cleared, approximateDate }

    static func answerValue(_ tape: JSONTape, at index: Int) throws(TapeMiss) -> AnswerValue {
        var known = 0, last: (key: ValueKey, node: Int)?, approximate: Int?, hasText = false
        try tape.fastMembers(of: index) { key, value in
            let found: ValueKey
            if tape.fastKey(key, is: "text") { found = .text; hasText = true }
            else if tape.fastKey(key, is: "choice") { found = .choice }
            else if tape.fastKey(key, is: "choices") { found = .choices }
            else if tape.fastKey(key, is: "yesNo") { found = .yesNo }
            else if tape.fastKey(key, is: "date") { found = .date }
            else if tape.fastKey(key, is: "number") { found = .number }
            else if tape.fastKey(key, is: "scale") { found = .scale }
            else if tape.fastKey(key, is: "entries") { found = .entries }
            else if tape.fastKey(key, is: "cleared") { found = .cleared }
            else if tape.fastKey(key, is: "approximateDate") { found = .approximateDate; approximate = value }
            else { return }
            known += 1
            last = (found, value)
        }
        if let approximate {
            // Its text is there for older copies and is not read.
            guard known == 1 || (known == 2 && hasText) else { throw TapeMiss() }
            return .approximateDate(try tape.fastApproximateDate(approximate))
        }
        guard known == 1, let last else { throw TapeMiss() }
        let node = last.node
        switch last.key {
        case .text: return .text(try tape.fastString(node))
        case .choice: return .choice(try tape.fastString(node))
        case .choices: return .choices(try tape.fastList(at: node) { (tape, item) throws(TapeMiss) in try tape.fastString(item) })
        case .yesNo: return .yesNo(try tape.fastBool(node))
        case .date: return .date(try tape.fastDate(node))
        case .number: return .number(try tape.fastDecimal(node))
        case .scale:
            let value = try tape.fastInt(node)
            guard (1...5).contains(value) else { throw TapeMiss() }
            return .scale(value)
        case .entries: return .entries(try tape.fastList(at: node, groupEntry))
        case .cleared: return .cleared   // its value is not read
        case .approximateDate: throw TapeMiss()
        }
    }

    static func groupEntry(_ tape: JSONTape, at index: Int) throws(TapeMiss) -> GroupEntry {
        var id: Int?, answers: Int?
        try tape.fastMembers(of: index) { key, value in
            if tape.fastKey(key, is: "id") { id = value }
            else if tape.fastKey(key, is: "answers") { answers = value }
        }
        guard let id, let answers, tape.nodes[answers].kind == .object else { throw TapeMiss() }
        var values: [String: AnswerValue] = [:]
        values.reserveCapacity(tape.nodes[answers].count)
        var key = answers + 1
        for _ in 0..<tape.nodes[answers].count {
            guard !tape.nodes[key].escaped else { throw TapeMiss() }
            values[tape.string(at: key)] = try answerValue(tape, at: key + 1)
            key = tape.after(key + 1)
        }
        return GroupEntry(id: try tape.fastUUID(id), answers: values)
    }
}

extension JSONTape {
    /// An integer written as plain digits (an optional minus sign, no fraction, no exponent);
    /// any other form is left to the `Codable` path, which reads those too.
    func fastInt(_ index: Int) throws(TapeMiss) -> Int {
        let node = nodes[index]
        guard node.kind == .number else { throw TapeMiss() }
        let value: Int? = bytes.withUnsafeBufferPointer { buffer in
            var cursor = node.start
            let negative = buffer[cursor] == UInt8(ascii: "-")
            if negative { cursor += 1 }
            guard cursor < node.end, node.end - cursor <= 18 else { return nil }
            var result = 0
            while cursor < node.end {
                let digit = buffer[cursor] &- 48
                guard digit < 10 else { return nil }
                result = result * 10 + Int(digit)
                cursor += 1
            }
            return negative ? -result : result
        }
        guard let value else { throw TapeMiss() }
        return value
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// A number as `TapeDecoder` reads a `Decimal`: Foundation's reading of its text as written.
    func fastDecimal(_ index: Int) throws(TapeMiss) -> Decimal {
        guard nodes[index].kind == .number, let value = Decimal(string: numberText(at: index), locale: Self.posix) else {
            throw TapeMiss()
        }
        return value
    }

    func fastApproximateDate(_ index: Int) throws(TapeMiss) -> ApproximateDate {
        guard let date = ApproximateDate(parsing: try fastString(index)) else { throw TapeMiss() }
        return date
    }
}
