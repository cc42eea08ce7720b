// The entry point of machiba-serve: options, start-up, the "listening on" line, and a clean stop
// on Ctrl-C or SIGTERM.
#include "serve/server/application.hpp"
#include "serve/server/options.hpp"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <thread>

int main(int argc, char** argv)
{
    using namespace machiba::server;

    auto parsed = parse_options(std::span<char const* const>(argv + 1, argc - 1));
    if (parsed.help) {
        std::fputs(options_usage(), stdout);
        return 0;
    }
    if (!parsed.options) {
        std::fprintf(stderr, "machiba-serve: %s\n%s", parsed.error.c_str(), options_usage());
        return 2;
    }
    Options options = *parsed.options;

    // Signals are taken by one thread with sigwait, never by a handler that interrupts a
    // request: every thread started from here on inherits the blocked mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    try {
        Application application(options);
        int port = application.http().bind(options.host, options.port);
        if (port < 0) {
            std::fprintf(stderr, "machiba-serve: cannot listen on %s:%d\n", options.host.c_str(),
                options.port);
            return 1;
        }
        bool ipv6 = options.host.find(':') != std::string::npos;
        std::printf("listening on http://%s%s%s:%d\n", ipv6 ? "[" : "", options.host.c_str(),
            ipv6 ? "]" : "", port);
        std::fflush(stdout);

        // A signal can come before run() has started listening, when stop() would do nothing:
        // the waiter then waits for the server to run (or to have given up) before stopping it.
        std::atomic<bool> finished = false;
        std::thread waiter([&] {
            int signal_number = 0;
            sigwait(&stop_signals, &signal_number);
            while (!application.http().is_running() && !finished)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            application.http().stop();
        });
        bool served = application.http().run();
        finished = true;

        // run() can also end on its own (a socket failure): wake the waiter so it can finish.
        pthread_kill(waiter.native_handle(), SIGTERM);
        waiter.join();
        std::fprintf(stderr, "machiba-serve: stopped\n");
        return served ? 0 : 1;
    } catch (std::exception const& error) {
        std::fprintf(stderr, "machiba-serve: %s\n", error.what());
        return 1;
    }
}
