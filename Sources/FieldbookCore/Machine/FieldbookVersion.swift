/// The version of Fieldbook, in one place: `fieldbook --version` and the help screen show it.
public enum FieldbookVersion {
    public static let current = "0.8.0"
}
