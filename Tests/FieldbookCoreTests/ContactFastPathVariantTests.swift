@testable import FieldbookCore
import Foundation
import Testing

/// Hand-made contacts, plain and unusual, decoded by the fast path and by `Codable`: the same
/// record or the same error every time; plain ones taken by the fast path itself.
@Suite struct ContactFastPathVariantTests {
    typealias Fields = [(key: String, value: String)]

    static func object(_ fields: Fields) -> String {
        "{" + fields.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
    }

    static func replacing(_ fields: Fields, _ key: String, with value: String) -> Fields {
        fields.map { $0.key == key ? ($0.key, value) : $0 }
    }

    static func removing(_ fields: Fields, _ keys: [String]) -> Fields {
        fields.filter { !keys.contains($0.key) }
    }

    static func renaming(_ fields: Fields, _ key: String, to name: String) -> Fields {
        fields.map { $0.key == key ? (name, $0.value) : $0 }
    }

    static let specialist = "\"5FDCFEBD-D6FD-4210-B0D0-3C908C0A5EBE\""

    static let employerContact: Fields = [
        ("contactPerson", "\"Rosa Jiménez\""), ("contactPersonID", "\"D43A6B50-078F-4401-8F17-0068D80B2068\""),
        ("contactTitle", "\"Hiring manager\""), ("createdAt", "\"2026-10-01T14:00:00Z\""), ("date", "\"2026-10-01\""),
        ("employerID", "\"CAF3719D-6CAC-4D58-82E7-B3BCB8A46904\""), ("hiringNeeds", "\"Values reliability.\""),
        ("id", "\"2554C52D-BBAF-400F-8363-887EA8117638\""),
        ("jobSeekerIDs", "[\"072A6EBE-43DE-45EA-AB3D-6CE38AFDC111\",\"9A7B1C2D-3E4F-4A6B-8C1D-4F5E2B1F0C3E\"]"),
        ("jobSeekerPresent", "true"), ("method", "\"face-to-face\""), ("nextStep", "\"Visit again\""),
        ("nextStepDate", "\"2026-10-07\""), ("outcome", "\"Arranged an interview.\""), ("purpose", "\"follow-up\""),
        ("specialistID", specialist), ("updatedAt", "\"2026-10-02T08:00:00.25+02:00\""),
    ]
    static let employerContactOptional = ["contactPerson", "contactPersonID", "contactTitle", "hiringNeeds", "nextStep",
                                          "nextStepDate", "outcome"]

    static let clientContact: Fields = [
        ("createdAt", "\"2026-08-29T09:00:00Z\""), ("date", "\"2026-08-29\""), ("id", "\"854C2341-6D60-4407-AF60-F8DE1D1B7FFF\""),
        ("kind", "\"face-to-face\""), ("note", "\"Planned which employers to approach next.\""), ("place", "\"Corner Books\""),
        ("specialistID", specialist),
    ]
    static let clientContactOptional = ["note", "place", "specialistID"]

    static func month(_ contacts: [String]) -> String {
        "{\"contacts\":[\(contacts.joined(separator: ","))],\"month\":\"2026-10\",\"specialistID\":\(specialist)}"
    }

    static func client(_ contacts: [String]) -> String {
        """
        {"benefits":[],"benefitsPlanningDone":false,"contacts":[\(contacts.joined(separator: ","))],
         "createdAt":"2026-01-05T10:00:00Z","disclosure":{"preference":"undecided"},
         "id":"2B1F0C3E-8C1D-4F5E-9A7B-1C2D3E4F5A6B","jobs":[],"name":"A","programEntryDate":"2026-01-05",
         "status":"working","updatedAt":"2026-01-05T10:00:00Z"}
        """
    }

    /// Variants every field goes through: gone, null, and a value of every other kind.
    static func variants(of base: Fields) -> [(String, Fields)] {
        var variants: [(String, Fields)] = []
        for field in base {
            variants.append(("\(field.key) absent", removing(base, [field.key])))
            for value in ["null", "5", "-1.5e3", "true", "false", "\"x\"", "\"\"", "[]", "{}", "[\"x\"]", "{\"a\":1}"] {
                variants.append(("\(field.key) = \(value)", replacing(base, field.key, with: value)))
            }
            variants.append(("\(field.key) escaped key", renaming(base, field.key, to: escapedFirstLetter(field.key))))
        }
        let text = "\"Jos\\u00e9 \\\"Pepe\\\" \\ud83d\\ude00\\n\\t\\/\\\\ 王秀英 👩🏽‍💼 Zoë\""
        let uuids = ["\"d43a6b50-078f-4401-8f17-0068d80b2068\"", "\"\\u004443A6B50-078F-4401-8F17-0068D80B2068\"",
                     "\"{D43A6B50-078F-4401-8F17-0068D80B2068}\"", "\"D43A6B50-078F-4401-8F17-0068D80B206\"",
                     "\"D43A6B50-078F-4401-8F17-0068D80B206G\"", "\"D43A6B50078F44018F170068D80B2068\""]
        let dates = ["\"2026-02-30\"", "\"2028-02-29\"", "\"2026-2-01\"", "\"20261001\"", "\"2026-10-0\\u0031\"", "\"0000-01-01\""]
        let stamps = ["\"2026-10-01T14:00:00.123456Z\"", "\"2026-10-01T14:00:00+0130\"", "\"2026-10-01t14:00:00z\"",
                      "\"2026-10-01T14:00:00\"", "\"2026-10-01\"", "\"2026-10-01T14:00:00\\u005a\"", "\"2026-10-01T25:00:00Z\"",
                      "\"2026-10-01T14:00:60-05:00\""]
        for field in base {
            variants.append(("\(field.key) escapes, CJK, emoji", replacing(base, field.key, with: text)))
            for value in uuids + dates + stamps { variants.append(("\(field.key) = \(value)", replacing(base, field.key, with: value))) }
        }
        variants.append(("unknown keys", base + [("aaa", "1"), ("zzz", "{\"a\":[1,{\"b\":null}]}"), ("idx", "\"x\""), ("", "[]")]))
        variants.append(("unknown key with escapes", base + [("n\\u00e9w", "\"x\"")]))
        variants.append(("keys unsorted", base.reversed()))
        return variants
    }

    static func escapedFirstLetter(_ key: String) -> String {
        guard let first = key.unicodeScalars.first else { return key }
        return String(format: "\\u%04x", first.value) + String(key.unicodeScalars.dropFirst())
    }

    /// Decodes every variant as a contact, in a list, and in its file, both ways: the same each time.
    /// Returns the names of the variants the fast path took.
    static func checkEveryVariant<Contact: Decodable & Equatable, File: Decodable & Equatable>(
        _ contact: Contact.Type, base: Fields, optional: [String], file: File.Type, in document: ([String]) -> String
    ) throws -> Set<String> {
        var variants = variants(of: base)
        variants.append(("every optional absent", removing(base, optional)))
        variants.append(("every optional null", optional.reduce(base) { replacing($0, $1, with: "null") }))
        var taken: Set<String> = []
        for (name, fields) in variants {
            let text = object(fields)
            let plain = object(base)
            ContactFastPathTests.same(Contact.self, text, name)
            ContactFastPathTests.same([Contact].self, "[\(plain),\(text)]", name)
            ContactFastPathTests.same(File.self, document([plain, text, plain]), name)
            let tape = try JSONReader.tape(Data(text.utf8))
            if TapeFastPath.decode(Contact.self, from: tape, at: 0) != nil { taken.insert(name) }
        }
        for text in ["5", "null", "[]", "\"x\"", "{}"] {
            ContactFastPathTests.same(Contact.self, text, text)
            ContactFastPathTests.same(File.self, document([text]), text)
        }
        ContactFastPathTests.same(File.self, document([]), "no contacts")
        return taken
    }

    /// The variants a plain reader must take itself: nothing in them needs the `Codable` path.
    static func plainVariants(optional: [String], textFields: [String]) -> Set<String> {
        var names: Set<String> = ["unknown keys", "keys unsorted", "every optional absent", "every optional null"]
        for key in optional { names.formUnion(["\(key) absent", "\(key) = null"]) }
        for key in textFields { names.formUnion(["\(key) escapes, CJK, emoji", "\(key) = \"x\"", "\(key) = \"\""]) }
        return names
    }

    @Test func employerContactVariantsDecodeTheSame() throws {
        let base = try #require(Self.decoded(EmployerContact.self, Self.object(Self.employerContact)))
        #expect(base.updatedAt != base.createdAt && base.jobSeekerIDs.count == 2)
        let taken = try Self.checkEveryVariant(EmployerContact.self, base: Self.employerContact,
                                               optional: Self.employerContactOptional, file: EmployerContactMonth.self,
                                               in: Self.month)
        let plain = Self.plainVariants(optional: Self.employerContactOptional,
                                       textFields: ["contactPerson", "contactTitle", "hiringNeeds", "nextStep", "outcome",
                                                    "purpose", "method"])
        #expect(plain.subtracting(taken).isEmpty, "\(plain.subtracting(taken).sorted())")
        #expect(taken.contains("contactPersonID = \"d43a6b50-078f-4401-8f17-0068d80b2068\""))
        #expect(taken.contains("updatedAt = \"2026-10-01T14:00:00+0130\""))
        #expect(taken.contains("jobSeekerIDs = []") && taken.contains("jobSeekerPresent = false"))
        #expect(!taken.contains("id absent") && !taken.contains("jobSeekerIDs = [\"x\"]") && !taken.contains("id escaped key"))
    }

    @Test func clientContactVariantsDecodeTheSame() throws {
        #expect(Self.decoded(Client.self, Self.client([Self.object(Self.clientContact)]))?.contacts.count == 1)
        let taken = try Self.checkEveryVariant(ClientContact.self, base: Self.clientContact, optional: Self.clientContactOptional,
                                               file: Client.self, in: Self.client)
        let plain = Self.plainVariants(optional: Self.clientContactOptional, textFields: ["note", "place", "kind"])
        #expect(plain.subtracting(taken).isEmpty, "\(plain.subtracting(taken).sorted())")
        #expect(taken.contains("kind = \"x\""))
        #expect(!taken.contains("createdAt absent") && !taken.contains("specialistID = 5") && !taken.contains("note escaped key"))
    }

    static func decoded<T: Decodable>(_ type: T.Type, _ text: String) -> T? {
        try? TapeDecoding.decode(type, from: Data(text.utf8), fastPaths: false)
    }
}
