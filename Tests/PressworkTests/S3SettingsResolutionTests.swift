import Foundation
import TestSupport
import Testing

@testable import presswork

/// The S3 settings come through the one settings path: `--s3-*` flags, then `PRESSWORK_*`
/// variables, then the config file; the standard `AWS_*` variables before their `PRESSWORK_AWS_*`
/// forms and the file's `aws-*` keys.
@Suite struct S3SettingsResolutionTests {
    private func settings(
        _ flags: [String] = [], environment: [String: String] = [:], config: String? = nil
    ) throws -> (S3Options, SettingsResolver) {
        // The file is read when the resolver is made, while the folder still exists.
        let dir = try TemporaryDirectory()
        var path: String?
        if let config {
            let file = dir.path("presswork.conf")
            try config.write(to: file, atomically: true, encoding: .utf8)
            path = file.path
        }
        return (try S3Options.parse(flags), try SettingsResolver(configPath: path, environment: environment))
    }

    @Test func withoutCredentialsRequestsAreAnonymousOnAWS() throws {
        let (options, resolver) = try settings()
        let resolved = try options.settings(resolver: resolver)
        #expect(resolved.credentials == nil)
        #expect(resolved.endpoint == nil)
        #expect(resolved.region == "us-east-1")
        #expect(resolved.listPageSize == 1_000)
    }

    @Test func theStandardVariablesWinOverTheConfigFile() throws {
        let config = """
            aws-access-key-id = FILEKEY
            aws_secret_access_key = FILESECRET
            aws-region = eu-west-1
            s3-endpoint = http://127.0.0.1:9000
            s3-page-size = 2
            """
        let (options, resolver) = try settings(
            environment: [
                "AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "ENVSECRET", "AWS_SESSION_TOKEN": "T",
            ],
            config: config)
        let resolved = try options.settings(resolver: resolver)
        #expect(resolved.credentials?.accessKeyID == "ENVKEY")
        #expect(resolved.credentials?.secretAccessKey == "ENVSECRET")
        #expect(resolved.credentials?.sessionToken == "T")
        #expect(resolved.region == "eu-west-1", "from the file: no variable names one")
        #expect(resolved.endpoint == "http://127.0.0.1:9000")
        #expect(resolved.listPageSize == 2)

        let (fromFile, fileOnly) = try settings(config: config)
        #expect(try fromFile.settings(resolver: fileOnly).credentials?.accessKeyID == "FILEKEY")
        let (flagged, withVariables) = try settings(
            ["--s3-endpoint", "https://store.example:9000", "--s3-page-size", "5"],
            environment: ["PRESSWORK_S3_ENDPOINT": "http://ignored", "AWS_DEFAULT_REGION": "ap-south-1"],
            config: config)
        let resolvedFlags = try flagged.settings(resolver: withVariables)
        #expect(resolvedFlags.endpoint == "https://store.example:9000")
        #expect(resolvedFlags.listPageSize == 5)
        #expect(resolvedFlags.region == "ap-south-1", "AWS_DEFAULT_REGION before the file's aws-region")
    }

    @Test func refusesHalfAKeyPairABadEndpointAndAPageSizeS3WouldNotTake() throws {
        let cases: [([String], [String: String])] = [
            ([], ["AWS_ACCESS_KEY_ID": "KEY"]),
            ([], ["AWS_SECRET_ACCESS_KEY": "SECRET"]),
            (["--s3-endpoint", "ftp://h"], [:]),
            (["--s3-page-size", "1001"], [:]),
            (["--s3-page-size", "0"], [:]),
        ]
        for (flags, environment) in cases {
            let (options, resolver) = try settings(flags, environment: environment)
            #expect(throws: (any Error).self, "\(flags) \(environment)") {
                try options.settings(resolver: resolver)
            }
        }
    }
}
