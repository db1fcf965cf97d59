print("zmq-bench")
