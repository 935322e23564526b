// A loopback port that refuses connections for as long as the object lives: a socket bound to it
// but not listening. Binding, reading the port and closing left a window in which a test running
// in parallel could take the port.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>

namespace switchyard::testing {

class RefusingPort {
 public:
  RefusingPort() : socket_(io_) {
    socket_.open(boost::asio::ip::tcp::v4());
    socket_.bind({boost::asio::ip::make_address("127.0.0.1"), 0});
  }
  unsigned short port() const { return socket_.local_endpoint().port(); }

 private:
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
};

}  // namespace switchyard::testing
