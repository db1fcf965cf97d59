#include <zmq.h>
// eventfd is not part of Swift's Glibc module; ZeroMQ's WakeSignal needs it.
#include <sys/eventfd.h>
