import Testing

@testable import RemoteIO

/// Reading ListObjectsV2 answers: keys, truncation and the continuation token, entities decoded.
@Suite struct ListObjectsV2PageTests {
    @Test func readsKeysAndTheNextToken() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>crawl</Name><Prefix>seg/</Prefix><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys>
              <IsTruncated>true</IsTruncated>
              <Contents><Key>seg/a&amp;b.warc.gz</Key><Size>10</Size><ETag>&quot;e1&quot;</ETag></Contents>
              <Contents><Key>seg/&#233;t&#xE9;.warc.gz</Key><Size>20</Size><Owner><ID>o</ID></Owner></Contents>
              <NextContinuationToken>tok+en/=</NextContinuationToken>
              <EncodingType/>
            </ListBucketResult>
            """
        let page = try ListObjectsV2Page.parse(Array(xml.utf8))
        #expect(page.keys == ["seg/a&b.warc.gz", "seg/été.warc.gz"])
        #expect(page.isTruncated)
        #expect(page.nextContinuationToken == "tok+en/=")
    }

    @Test func theLastPageHasNoToken() throws {
        let xml =
            "<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>k</Key></Contents></ListBucketResult>"
        #expect(try ListObjectsV2Page.parse(Array(xml.utf8)) == ListObjectsV2Page(keys: ["k"]))
        #expect(try ListObjectsV2Page.parse(Array("<ListBucketResult/>".utf8)) == ListObjectsV2Page())
    }

    @Test func refusesWhatIsNoListing() {
        for text in [
            "<Error><Code>NoSuchBucket</Code></Error>", "<ListBucketResult><Contents><Key>k</Key>",
            "<ListBucketResult><Key>a</Contents></ListBucketResult>",
            "<ListBucketResult><Contents><Key>&bogus;</Key></Contents></ListBucketResult>", "",
        ] {
            #expect(throws: ListObjectsV2Page.Malformed.self, "\(text)") {
                try ListObjectsV2Page.parse(Array(text.utf8))
            }
        }
    }
}
