// libFuzzer entry point: compiled together with the ArticlePipeline sources into one module by
// tools/fuzz/run.sh (swiftc -sanitize=fuzzer,address -parse-as-library), so it can reach the
// parser's internals. Every input runs through the whole pipeline (as HTML and as plain text),
// the parser alone with tight limits, and the character-reference decoder.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let pipeline = Pipeline()
    for contentType in ["text/html", "text/plain"] {
        let raw = RawArticle(
            url: "https://example.com/a", body: bytes, contentType: contentType,
            source: SourceLocation(path: "fuzz"))
        if let record = try? pipeline.process(raw) {
            _ = RecordJSON.encode(record)
        }
    }
    var tight = PipelineSettings()
    tight.maxElements = 64
    tight.maxDepth = 8
    let text = ParseTreeText.text(ofHTML: bytes, settings: tight)
    precondition(text.utf8.count <= 8 * size + 64, "text content larger than the input allows")
    bytes.withUnsafeBufferPointer { buffer in
        var output: [UInt8] = []
        var index = 0
        while index < buffer.count {
            if buffer[index] == UInt8(ascii: "&"),
                let after = HTMLCharacterReferences.decode(
                    buffer, at: index, end: buffer.count, inAttribute: index % 2 == 0, into: &output)
            {
                precondition(after > index && after <= buffer.count, "reference decoder did not advance")
                index = after
            } else {
                index += 1
            }
        }
    }
    return 0
}
