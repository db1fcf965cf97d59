import Testing

@Test func placeholderZeroMQ() {}
