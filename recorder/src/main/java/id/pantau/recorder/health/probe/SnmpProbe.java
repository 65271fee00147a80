package id.pantau.recorder.health.probe;

import id.pantau.recorder.health.state.ProbeResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * Asks the access switch for the status of the port a link ends on (IF-MIB ifAdminStatus and ifOperStatus, one
 * SNMP v2c GET): answered when the port is up. A port that is down while enabled is the fiber or the device
 * behind it; a port switched off by an operator says so. All probes share one UDP socket and SNMP4J's listener
 * thread, so nothing blocks while a switch is silent.
 */
final class SnmpProbe implements LinkProbe, AutoCloseable {

    static final OID IF_ADMIN_STATUS = new OID("1.3.6.1.2.1.2.2.1.7");
    static final OID IF_OPER_STATUS = new OID("1.3.6.1.2.1.2.2.1.8");
    private static final String[] STATUS = {null, "up", "down", "testing", "unknown", "dormant", "notPresent",
        "lowerLayerDown"};

    private final OctetString community;
    private final Executor resolver;
    private final Clock clock;
    private final Snmp snmp;

    /**
     * @param community the read community, or null when none is configured (every probe then fails saying so)
     * @param resolver where host names are looked up (the probes' blocking pool)
     */
    SnmpProbe(String community, Executor resolver, Clock clock) throws IOException {
        this.community = community == null || community.isEmpty() ? null : new OctetString(community);
        this.resolver = resolver;
        this.clock = clock;
        DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping();
        this.snmp = new Snmp(transport);
        transport.listen();
    }

    @Override
    public CompletableFuture<ProbeResult> probe(ProbeTarget target, long timeoutMs) {
        if (community == null) {
            return CompletableFuture.completedFuture(ProbeResult.failed(
                    "no SNMP community configured (vms.health.snmp-community)", clock.millis()));
        }
        // a host name may need DNS, which blocks: resolve on the blocking pool, not on the caller's scheduler
        return CompletableFuture.supplyAsync(() -> resolve(target.host()), resolver)
                .thenCompose(address -> address == null
                        ? CompletableFuture.completedFuture(ProbeResult.failed("unknown host " + target.host(),
                                clock.millis()))
                        : get(new UdpAddress(address, target.port()), target.interfaceIndex(), timeoutMs));
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private CompletableFuture<ProbeResult> get(UdpAddress address, int ifIndex, long timeoutMs) {
        CommunityTarget<UdpAddress> agent = new CommunityTarget<>(address, community);
        agent.setVersion(SnmpConstants.version2c);
        agent.setTimeout(Math.max(1, timeoutMs));
        agent.setRetries(0);
        PDU get = new PDU();
        get.setType(PDU.GET);
        get.add(new VariableBinding(new OID(IF_ADMIN_STATUS).append(ifIndex)));
        get.add(new VariableBinding(new OID(IF_OPER_STATUS).append(ifIndex)));
        CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        long startNanos = System.nanoTime();
        try {
            snmp.send(get, agent, null, new ResponseListener() {
                @Override
                public <A extends Address> void onResponse(ResponseEvent<A> event) {
                    snmp.cancel(event.getRequest(), this);
                    long latencyMs = (System.nanoTime() - startNanos) / 1_000_000;
                    result.complete(judge(event.getResponse(), ifIndex, latencyMs, timeoutMs, clock.millis()));
                }
            });
        } catch (IOException e) {
            result.complete(ProbeResult.failed("cannot send SNMP request: " + e.getMessage(), clock.millis()));
        }
        return result;
    }

    /** What a switch's answer (null: none within the timeout) says about the port. */
    static ProbeResult judge(PDU response, int ifIndex, long latencyMs, long timeoutMs, long atWallMs) {
        if (response == null) {
            return ProbeResult.failed("no SNMP answer within " + timeoutMs + " ms", atWallMs);
        }
        if (response.getErrorStatus() != PDU.noError) {
            return ProbeResult.failed("SNMP error from switch: " + response.getErrorStatusText(), atWallMs);
        }
        Integer admin = status(response, IF_ADMIN_STATUS, ifIndex);
        Integer oper = status(response, IF_OPER_STATUS, ifIndex);
        if (admin == null || oper == null) {
            return ProbeResult.failed("switch has no interface " + ifIndex, atWallMs);
        }
        if (oper == 1) {
            return ProbeResult.answered(latencyMs, atWallMs);
        }
        if (admin == 2) {
            return ProbeResult.failed("switch port " + ifIndex + " is disabled (ifAdminStatus down)", atWallMs);
        }
        return ProbeResult.failed("switch port " + ifIndex + " is " + name(oper) + " (ifOperStatus " + oper
                + "): no link on the port", atWallMs);
    }

    private static Integer status(PDU response, OID column, int ifIndex) {
        Variable v = response.getVariable(new OID(column).append(ifIndex));
        if (v == null || v.isException()) {
            return null;
        }
        try {
            return v.toInt();
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private static String name(int status) {
        return status > 0 && status < STATUS.length ? STATUS[status] : "status " + status;
    }

    @Override
    public void close() {
        try {
            snmp.close();
        } catch (IOException e) {
            // closing a UDP socket; nothing to recover
        }
    }
}
