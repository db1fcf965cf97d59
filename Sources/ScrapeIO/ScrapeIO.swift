// Readers and the sharded writer.
