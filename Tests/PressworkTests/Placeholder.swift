import Testing

@Test func placeholderPresswork() {}
