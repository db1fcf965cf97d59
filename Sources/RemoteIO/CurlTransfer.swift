import CCurl

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One connection slot: a libcurl easy handle in a multi handle of its own, driven by the thread
/// that reads (pull, no callback thread). Bytes arrive in a bounded staging buffer; when it is full
/// the transfer pauses until the reader has taken some, so memory stays at `bufferBytes` however
/// large the object. Between requests the handle keeps its connection open (keep-alive), and the
/// next request to the same origin reuses it.
final class CurlTransfer {
    /// What one `read` produced.
    enum Event {
        case bytes(Int)
        case finished(FetchFailure?)
    }

    let origin: String
    private let easy: UnsafeMutableRawPointer
    private let multi: UnsafeMutableRawPointer
    private var staging: UnsafeMutableRawBufferPointer
    private let errorText: UnsafeMutablePointer<CChar>
    private var head = 0
    private var tail = 0
    private var paused = false
    private var added = false
    private var outcome: CURLcode?
    /// Set for a bounded Range request: its first bytes must come with 206 Partial Content.
    private var expectsPartial = false
    /// Set when a server answered a bounded Range request with the whole object.
    private var rangeIgnored = false
    /// The extra request headers of the current request (a signed S3 request's), owned here.
    private var headerList: UnsafeMutablePointer<curl_slist>?

    /// libcurl's process-wide set-up, done once before the first handle.
    private static let initialised: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    init?(origin: String, settings: RemoteSettings) {
        guard Self.initialised, let easy = curl_easy_init() else { return nil }
        guard let multi = curl_multi_init() else {
            curl_easy_cleanup(easy)
            return nil
        }
        self.origin = origin
        self.easy = easy
        self.multi = multi
        staging = .allocate(byteCount: max(settings.bufferBytes, 64 << 10), alignment: 16)
        errorText = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        configure(settings)
    }

    deinit {
        if added { curl_multi_remove_handle(multi, easy) }
        curl_easy_cleanup(easy)
        curl_multi_cleanup(multi)
        curl_slist_free_all(headerList)
        staging.deallocate()
        errorText.deallocate()
    }

    private func configure(_ settings: RemoteSettings) {
        _ = ccurl_set_write_function(easy, curlTransferWrite)
        _ = ccurl_set_pointer(easy, CURLOPT_WRITEDATA, Unmanaged.passUnretained(self).toOpaque())
        _ = ccurl_set_pointer(easy, CURLOPT_ERRORBUFFER, errorText)
        _ = ccurl_set_long(easy, CURLOPT_NOSIGNAL, 1)
        // Statuses of 400 and above end the transfer with their code and hand out no body.
        _ = ccurl_set_long(easy, CURLOPT_FAILONERROR, 1)
        _ = ccurl_set_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = ccurl_set_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        _ = ccurl_set_long(easy, CURLOPT_FOLLOWLOCATION, 1)
        _ = ccurl_set_long(easy, CURLOPT_MAXREDIRS, 5)
        _ = ccurl_set_long(easy, CURLOPT_TCP_KEEPALIVE, 1)
        _ = ccurl_set_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Int(settings.connectTimeout.milliseconds))
        _ = ccurl_set_long(easy, CURLOPT_LOW_SPEED_LIMIT, 1)
        _ = ccurl_set_long(
            easy, CURLOPT_LOW_SPEED_TIME, max(1, Int(settings.stallTimeout.milliseconds / 1000)))
        _ = ccurl_set_string(easy, CURLOPT_USERAGENT, settings.userAgent)
    }

    /// Starts a GET of `url` from byte `offset` on (a Range request when `offset` > 0), up to and
    /// including byte `last` when given (a bounded Range request, answered with 206 or failed),
    /// with `headers` (`Name: value`) besides libcurl's own.
    func start(url: String, from offset: UInt64, through last: UInt64? = nil, headers: [String] = []) {
        if added { curl_multi_remove_handle(multi, easy) }
        head = 0
        tail = 0
        paused = false
        outcome = nil
        errorText[0] = 0
        rangeIgnored = false
        expectsPartial = last != nil
        setHeaders(headers)
        _ = ccurl_set_long(easy, CURLOPT_HTTPGET, 1)
        _ = ccurl_set_string(easy, CURLOPT_URL, url)
        if let last {
            _ = ccurl_set_offset(easy, CURLOPT_RESUME_FROM_LARGE, 0)
            _ = ccurl_set_string(easy, CURLOPT_RANGE, "\(offset)-\(last)")
        } else {
            _ = ccurl_set_pointer(easy, CURLOPT_RANGE, nil)
            _ = ccurl_set_offset(easy, CURLOPT_RESUME_FROM_LARGE, curl_off_t(offset))
        }
        added = curl_multi_add_handle(multi, easy) == CURLM_OK
        if !added { outcome = CURLE_FAILED_INIT }
    }

    /// Starts a HEAD request of `url` (its size is then `contentLength`).
    func startHead(url: String, headers: [String] = []) {
        start(url: url, from: 0, headers: headers)
        if added { curl_multi_remove_handle(multi, easy) }
        _ = ccurl_set_long(easy, CURLOPT_NOBODY, 1)
        added = curl_multi_add_handle(multi, easy) == CURLM_OK
        if !added { outcome = CURLE_FAILED_INIT }
    }

    private func setHeaders(_ headers: [String]) {
        curl_slist_free_all(headerList)
        headerList = nil
        for header in headers { headerList = curl_slist_append(headerList, header) }
        _ = ccurl_set_pointer(easy, CURLOPT_HTTPHEADER, headerList.map { UnsafeMutableRawPointer($0) })
    }

    /// The body length the last response announced, or nil.
    var contentLength: UInt64? {
        let length = ccurl_content_length(easy)
        return length >= 0 ? UInt64(length) : nil
    }

    /// Ends the current request (keeping the connection when it completed).
    func stop() {
        if added { curl_multi_remove_handle(multi, easy) }
        added = false
    }

    /// The wait a 429 or 503 answer asked for (`Retry-After`), if any.
    var retryAfter: Duration? {
        let seconds = ccurl_retry_after(easy)
        return seconds > 0 ? .seconds(seconds) : nil
    }

    /// Copies received bytes into `destination`, waiting for some when none are staged.
    func read(into destination: UnsafeMutableRawBufferPointer) -> Event {
        guard let target = destination.baseAddress, !destination.isEmpty else { return .bytes(0) }
        while true {
            if tail > head {
                let count = min(tail - head, destination.count)
                memcpy(target, staging.baseAddress! + head, count)
                head += count
                if head == tail {
                    head = 0
                    tail = 0
                }
                return .bytes(count)
            }
            if let outcome { return .finished(classify(outcome)) }
            if paused {
                paused = false
                _ = curl_easy_pause(easy, CURLPAUSE_CONT)
                continue
            }
            var running: Int32 = 0
            _ = curl_multi_perform(multi, &running)
            collectOutcome()
            if tail > head || outcome != nil { continue }
            var ready: Int32 = 0
            _ = curl_multi_poll(multi, nil, 0, 250, &ready)
        }
    }

    /// Takes bytes from libcurl's write callback: all of them, or none (pausing) when they do not fit.
    fileprivate func accept(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        if expectsPartial {
            expectsPartial = false
            guard ccurl_response_code(easy) == 206 else {
                rangeIgnored = true
                return 0
            }
        }
        if staging.count - tail < bytes.count, head > 0 {
            memmove(staging.baseAddress!, staging.baseAddress! + head, tail - head)
            tail -= head
            head = 0
        }
        if staging.count - tail < bytes.count {
            if tail > head {
                paused = true
                return Int(CURL_WRITEFUNC_PAUSE)
            }
            // One delivery larger than the whole buffer (libcurl hands out 16 KB at a time).
            let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
            staging.deallocate()
            staging = grown
        }
        memcpy(staging.baseAddress! + tail, source, bytes.count)
        tail += bytes.count
        return bytes.count
    }

    private func collectOutcome() {
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            if message.pointee.msg == CURLMSG_DONE { outcome = message.pointee.data.result }
        }
    }

    private func classify(_ code: CURLcode) -> FetchFailure? {
        let detail =
            errorText[0] != 0 ? String(cString: errorText) : String(cString: curl_easy_strerror(code))
        if rangeIgnored {
            return .permanent("the server does not answer byte ranges (it sent the whole object)")
        }
        switch code {
        case CURLE_OK:
            return nil
        case CURLE_HTTP_RETURNED_ERROR:
            return .httpStatus(ccurl_response_code(easy))
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_OPERATION_TIMEDOUT, CURLE_PARTIAL_FILE,
            CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_SSL_CONNECT_ERROR, CURLE_HTTP2,
            CURLE_HTTP2_STREAM:
            return .connection("connection: \(detail.lowercased())")
        case CURLE_RANGE_ERROR:
            return .permanent("the server does not answer byte ranges, so the read cannot resume")
        default:
            return .permanent(detail.lowercased())
        }
    }
}

/// libcurl's write callback: hands the bytes to the transfer its context names.
private let curlTransferWrite: ccurl_write_function = { data, size, count, context in
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.accept(UnsafeRawBufferPointer(start: data, count: size * count))
}

extension Duration {
    /// Whole milliseconds (saturating), for libcurl's millisecond options.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000)
        return overflow ? (seconds < 0 ? .min : .max) : scaled + attoseconds / 1_000_000_000_000_000
    }
}
