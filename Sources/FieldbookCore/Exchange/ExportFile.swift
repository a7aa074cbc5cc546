import Foundation

/// Where an export goes when given a file: written whole (never half a file), readable by its
/// owner only, as exports hold health data.
public enum ExportFile {
    public static func write(_ data: Data, to url: URL) throws(StoreError) {
        try DurableFile.write(data, to: url)
    }
}
