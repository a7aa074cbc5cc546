import Foundation

/// The career profile Fieldbook ships: every section of an IPS career profile, in plain words.
/// A new data folder gets a copy as `career-profile.json`, which the agency may edit; folders
/// without one use this.
///
/// The definition is `career-profile.json` beside this file, in the very format of the data
/// folder's copy (docs/career-profile.md), so it reads and changes like the copy an agency edits.
/// It is built into the program (SwiftPM `embedInCode`) rather than shipped as a resource
/// bundle, so a copied binary never looks for a bundle beside itself.
public enum DefaultCareerProfile {
    /// The definition, checked (a test keeps it valid).
    public static let definition: QuestionnaireDefinition = {
        do {
            return try QuestionnaireDefinition.parse(Data(json.utf8))
        } catch {
            preconditionFailure("the built-in career profile is invalid: \(error)")
        }
    }()

    /// The definition as written into a data folder.
    public static let json = String(decoding: PackageResources.career_profile_json, as: UTF8.self)
}
