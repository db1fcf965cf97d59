import Testing

@testable import Cluster

/// The collector's byte-level check of record lines.
@Suite struct JSONLineCheckTests {
    func fields(_ text: String) -> JSONLineCheck.Fields? { JSONLineCheck.fields(of: Array(text.utf8)) }

    @Test func readsTheTopLevelIDAndStage() {
        let line =
            #"{"x":{"id":"inner"},"id":"abc","n":-1.5e3,"a":[true,false,null,"s\"q",{}],"stage":"read"}"#
        #expect(fields(line) == .init(id: "abc", stage: "read"))
        #expect(fields(#"{"id":"a\u0041\/b"}"#)?.id == "aA/b")
        #expect(fields(#" {} "#) == .init())
    }

    @Test func refusesAnythingButOneObject() {
        for bad in [
            "", "{", "}", "[]", #""id""#, "{}{}", #"{"id":"a"} x"#, #"{"id":"a",}"#, #"{"id":01}"#,
            #"{"id":"a\x"}"#, "{\"id\":\"a\nb\"}", "{\"id\":\"a\"}\n", "{\n}", #"{"a":tru}"#, #"{"a":-}"#,
            #"{"a":1.}"#, #"{"a":"\u12"}"#,
        ] {
            #expect(fields(bad) == nil, "\(bad)")
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep =
            #"{"a":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(fields(deep) == nil)
    }
}
