// The ZeroMQ wrapper: see ZMQSocket.swift.
import CZeroMQ
