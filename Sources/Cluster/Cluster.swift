// Coordinator, worker and collector.
