import CZeroMQ

/// A CURVE key pair in Z85 text (40 characters each), as libzmq's CURVE options take them.
public struct CurveKeyPair: Sendable, Equatable {
    /// Length of a Z85-encoded 32-byte key.
    public static let z85KeyLength = 40

    public let publicKey: String
    public let secretKey: String

    public init(publicKey: String, secretKey: String) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// A new random key pair (`zmq_curve_keypair`); `ENOTSUP` if libzmq lacks CURVE.
    public static func generate() throws(ZMQError) -> CurveKeyPair {
        var publicKey = [CChar](repeating: 0, count: z85KeyLength + 1)
        var secretKey = [CChar](repeating: 0, count: z85KeyLength + 1)
        guard zmq_curve_keypair(&publicKey, &secretKey) == 0 else {
            throw ZMQError.last("generate curve key pair")
        }
        return CurveKeyPair(publicKey: string(publicKey), secretKey: string(secretKey))
    }

    /// The key pair whose secret key is `secretKey` (`zmq_curve_public`), e.g. to rebuild a pair
    /// from a key file that stores only the secret.
    public static func fromSecretKey(_ secretKey: String) throws(ZMQError) -> CurveKeyPair {
        guard secretKey.utf8.count == z85KeyLength else {
            throw ZMQError(errno: EINVAL, operation: "derive curve public key (expected 40 Z85 characters)")
        }
        var publicKey = [CChar](repeating: 0, count: z85KeyLength + 1)
        guard zmq_curve_public(&publicKey, secretKey) == 0 else {
            throw ZMQError.last("derive curve public key")
        }
        return CurveKeyPair(publicKey: string(publicKey), secretKey: secretKey)
    }

    /// The Z85 text of a 32-byte binary key (as ZAP requests carry client keys), or nil when the
    /// input is not 32 bytes.
    public static func z85(binaryKey: [UInt8]) -> String? {
        guard binaryKey.count == 32 else { return nil }
        var text = [CChar](repeating: 0, count: z85KeyLength + 1)
        guard zmq_z85_encode(&text, binaryKey, binaryKey.count) != nil else { return nil }
        return string(text)
    }

    private static func string(_ characters: [CChar]) -> String {
        characters.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
