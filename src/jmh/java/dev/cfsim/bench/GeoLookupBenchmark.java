package dev.cfsim.bench;

import dev.cfsim.viewer.GeoDatabase;
import dev.cfsim.viewer.GeoDatabases;
import dev.cfsim.viewer.GeoLocation;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One uncached lookup in the embedded country database (DB-IP Lite, MaxMind's reader): the cost
 * a cache miss pays. Addresses are the realistic mix, mostly Korean, one in ten IPv6.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GeoLookupBenchmark {
  private GeoDatabase db;
  private InetAddress[] addresses;
  private int next;

  @Setup
  public void setUp() throws UnknownHostException {
    db = GeoDatabases.embedded();
    String[] ips = ViewerTraffic.ips(4096, 11);
    addresses = new InetAddress[ips.length];
    for (int i = 0; i < ips.length; i++) {
      addresses[i] = InetAddress.getByName(ips[i]);
    }
  }

  @Benchmark
  public Optional<GeoLocation> uncachedCountryLookup() {
    next = (next + 1) & (addresses.length - 1);
    return db.locate(addresses[next]);
  }
}
