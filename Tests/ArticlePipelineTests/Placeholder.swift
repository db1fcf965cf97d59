import Testing

@Test func placeholderArticlePipeline() {}
