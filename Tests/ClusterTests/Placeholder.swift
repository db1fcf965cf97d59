import Testing

@Test func placeholderCluster() {}
