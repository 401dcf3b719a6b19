package dev.kadence.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A port the platform will listen on, checked before anything starts: a clash then fails at once, with a way out,
 * instead of as a server that never comes up.
 *
 * @param pidFile where the process that had this port on an earlier run wrote its id
 * @param override the environment variable that moves this port elsewhere
 */
record PortCheck(int port, String owner, Path pidFile, String override) {

    /** Why the port cannot be used, or empty if it is free. */
    Optional<PortInUse> problem() {
        if (isFree(port)) {
            return Optional.empty();
        }
        return Optional.of(new PortInUse(this, PidFile.runningProcess(pidFile).map(ProcessHandle::pid)));
    }

    /** Nobody answers on 127.0.0.1:port and we could listen there ourselves. */
    static boolean isFree(int port) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(loopback, port), 200);
            return false;
        } catch (IOException refused) {
            // nobody listening: now make sure we could bind it
        }
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(loopback, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A busy port and, if it is still running, the process an earlier run of this platform left on it. */
    record PortInUse(PortCheck check, Optional<Long> leftover) {

        String describe() {
            return "port " + check.port() + " (" + check.owner() + ") is in use" + leftover
                    .map(pid -> " by a " + check.owner() + " an earlier run left behind (pid " + pid + ")")
                    .orElse(" by another program; free it or set " + check.override());
        }
    }
}
