import ArgumentParser
import RemoteIO

/// `--s3-endpoint` and `--s3-page-size`, and the standard AWS settings, for `s3://` inputs.
///
/// Credentials come from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`,
/// the region from `AWS_REGION` (or `AWS_DEFAULT_REGION`; default us-east-1), each read by
/// `SettingsResolver.standard` (the variables, else `PRESSWORK_AWS_…`, else the config file's
/// `aws-…` keys). Without credentials, requests go unsigned: anonymous access to public buckets.
struct S3Options: ParsableArguments {
    @Option(
        help: """
            An S3-compatible store to read s3:// inputs from (e.g. http://127.0.0.1:9000), addressed \
            path-style; default: AWS (credentials and region from AWS_* variables; none: anonymous).
            """)
    var s3Endpoint: String?

    @Option(help: "Keys asked for per request when an s3:// prefix or glob is listed (1…1000, default 1000).")
    var s3PageSize: Int?

    /// The S3 settings, checked.
    func settings(resolver: SettingsResolver) throws -> S3Settings {
        var settings = S3Settings()
        settings.endpoint = resolver.optionalString("s3-endpoint", flag: s3Endpoint)
        if let endpoint = settings.endpoint {
            guard let scheme = RemoteLocation.scheme(of: endpoint), scheme == "http" || scheme == "https"
            else {
                throw ValidationError("s3-endpoint must be an http:// or https:// URL, not '\(endpoint)'")
            }
        }
        settings.region = resolver.standard("AWS_REGION", "AWS_DEFAULT_REGION") ?? settings.region
        settings.listPageSize = try resolver.int(
            "s3-page-size", flag: s3PageSize, default: settings.listPageSize)
        guard (1...1_000).contains(settings.listPageSize) else {
            throw ValidationError("s3-page-size must be 1…1000")
        }
        let keyID = resolver.standard("AWS_ACCESS_KEY_ID")
        let secret = resolver.standard("AWS_SECRET_ACCESS_KEY")
        switch (keyID, secret) {
        case (let keyID?, let secret?):
            settings.credentials = S3Credentials(
                accessKeyID: keyID, secretAccessKey: secret,
                sessionToken: resolver.standard("AWS_SESSION_TOKEN"))
        case (nil, nil):
            settings.credentials = nil
        default:
            throw ValidationError(
                "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together: give both or neither")
        }
        return settings
    }
}
