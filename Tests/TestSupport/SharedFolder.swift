import Foundation

/// `../shared` beside the repository: the development corpora (`corpus/aeb`, `corpus/wcxb-dev`) and
/// fixtures the project does not distribute. CI has it; a user's clone does not, and the tests that
/// need it then skip.
public enum SharedFolder {
    /// The folder, or nil when it is absent.
    public static var url: URL? {
        let url = BuiltProducts.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
