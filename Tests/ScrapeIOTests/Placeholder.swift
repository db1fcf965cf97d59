import Testing

@Test func placeholderScrapeIO() {}
