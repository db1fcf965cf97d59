import Testing

@testable import RemoteIO

/// The signer against the example values AWS publishes for S3 (the "GET Object" and "GET Bucket
/// (List Objects)" examples of Signature Version 4 with the Authorization header): bucket
/// examplebucket in us-east-1, access key AKIAIOSFODNN7EXAMPLE, at 2013-05-24 00:00:00 UTC.
@Suite struct SigV4SignerTests {
    let keyID = "AKIAIOSFODNN7EXAMPLE"
    let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    let host = "examplebucket.s3.amazonaws.com"

    @Test func signsThePublishedGetObjectExample() {
        let request = SigV4Signer.Request(
            method: "GET", path: "/test.txt",
            headers: [
                ("Host", host), ("Range", "bytes=0-9"),
                ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash),
                ("x-amz-date", "20130524T000000Z"),
            ])
        let signed = SigV4Signer.sign(
            request, accessKeyID: keyID, secretAccessKey: secret, region: "us-east-1",
            time: "20130524T000000Z")
        #expect(
            signed.canonicalRequest == """
                GET
                /test.txt

                host:examplebucket.s3.amazonaws.com
                range:bytes=0-9
                x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-amz-date:20130524T000000Z

                host;range;x-amz-content-sha256;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
        #expect(
            signed.stringToSign == """
                AWS4-HMAC-SHA256
                20130524T000000Z
                20130524/us-east-1/s3/aws4_request
                7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972
                """)
        #expect(signed.signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
        #expect(
            signed.authorization
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test func signsThePublishedListObjectsExampleWithItsQuerySorted() {
        let request = SigV4Signer.Request(
            method: "GET", path: "/", query: [("prefix", "J"), ("max-keys", "2")],
            headers: [
                ("x-amz-date", "20130524T000000Z"), ("host", host),
                ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash),
            ])
        let signed = SigV4Signer.sign(
            request, accessKeyID: keyID, secretAccessKey: secret, region: "us-east-1",
            time: "20130524T000000Z")
        #expect(
            signed.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[2]
                == "max-keys=2&prefix=J")
        #expect(signed.signature == "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7")
    }

    @Test func aDifferentSecretRegionOrTimeGivesADifferentSignature() {
        let request = SigV4Signer.Request(method: "GET", path: "/a", headers: [("host", host)])
        func signature(_ secret: String, _ region: String, _ time: String) -> String {
            SigV4Signer.sign(request, accessKeyID: keyID, secretAccessKey: secret, region: region, time: time)
                .signature
        }
        let base = signature(secret, "us-east-1", "20130524T000000Z")
        #expect(base.count == 64)
        #expect(signature(secret + "x", "us-east-1", "20130524T000000Z") != base)
        #expect(signature(secret, "eu-west-1", "20130524T000000Z") != base)
        #expect(signature(secret, "us-east-1", "20130524T000001Z") != base)
    }

    @Test func encodesKeysAndQueriesAsSigV4Requires() {
        #expect(
            SigV4Signer.uriEncode("crawl/a b+c~d_e.f-g", keepingSlashes: true) == "crawl/a%20b%2Bc~d_e.f-g")
        #expect(SigV4Signer.uriEncode("p/ä", keepingSlashes: false) == "p%2F%C3%A4")
        #expect(
            SigV4Signer.canonicalQuery([("prefix", "a/b"), ("list-type", "2"), ("continuation-token", "x=y")])
                == "continuation-token=x%3Dy&list-type=2&prefix=a%2Fb")
    }

    @Test func writesTheTimeInBasicISO8601() {
        #expect(SigV4Signer.timestamp(secondsSince1970: 1_369_353_600) == "20130524T000000Z")
        #expect(SigV4Signer.timestamp(secondsSince1970: 951_868_799) == "20000229T235959Z")
        #expect(SigV4Signer.timestamp(secondsSince1970: 0) == "19700101T000000Z")
    }
}
