package dev.dray.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The runtime API's dumps, as haproxy 2.6.12 wrote them: v1 up and ready, v3 failing in MAINT. */
class RuntimeTablesTest {
  private static final String SERVERS_STATE =
      """
      1
      # be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight \
      srv_iweight srv_time_since_last_change srv_check_status srv_check_result srv_check_health \
      srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord \
      srv_use_ssl srv_check_port srv_check_addr srv_agent_addr srv_agent_port
      3 bk 1 v1 127.0.0.1 2 0 1 1 2 15 3 3 6 0 0 0 - 18081 - 0 0 - - 0
      3 bk 2 v3 127.0.0.1 0 1 1 1 2 17 2 0 6 0 0 0 - 18083 - 0 0 - - 0
      3 bk 3 v2 127.0.0.1 0 1 1 1 2 15 3 3 6 0 0 0 - 18082 - 0 0 - - 0
      3 bk 4 v0 127.0.0.1 2 8 1 1 2 15 3 3 6 0 0 0 - 18080 - 0 0 - - 0

      """;

  private static final String STAT =
      """
      # pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,\
      wredis,status,weight,act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,throttle,\
      lbtot,tracked,type,rate,rate_lim,rate_max,check_status,check_code,check_duration,hrsp_1xx,\
      hrsp_2xx,hrsp_3xx,hrsp_4xx,hrsp_5xx,hrsp_other,hanafail,req_rate,req_rate_max,req_tot,\
      cli_abrt,srv_abrt,comp_in,comp_out,comp_byp,comp_rsp,lastsess,last_chk,last_agt,qtime,ctime,\
      rtime,ttime,agent_status,agent_code,agent_duration,check_desc,agent_desc,check_rise,\
      check_fall,check_health,agent_rise,agent_fall,agent_health,addr,cookie,mode,algo,
      bk,v1,0,0,2,0,,0,0,0,,0,,0,0,0,0,UP,1,1,0,1,1,2,1,,1,3,1,,0,,2,0,,0,* L7OK,0,37,0,0,0,0,0,\
      0,,,,0,0,0,,,,,-1,,,0,0,0,0,,,,Layer7 check passed,,2,2,3,,,,127.0.0.1:18081,,http,,
      bk,v3,0,0,0,0,,0,0,0,,0,,0,0,0,0,MAINT,1,1,0,0,0,2,2,,1,3,2,,0,,2,0,,0,L7STS,503,1,0,0,0,0,\
      0,0,,,,0,0,0,,,,,-1,Service Unavailable,,0,0,0,0,,,,Layer7 wrong status,,2,2,0,,,,\
      127.0.0.1:18083,,http,,
      bk,BACKEND,0,0,2,0,,0,0,0,,0,,0,0,0,0,UP,1,1,0,,0,2,0,,1,3,0,,0,,1,0,,0,,,,0,0,0,0,0,0,,,,0,\
      0,0,,,,,-1,,,0,0,0,0,,,,,,,,,,,,,http,roundrobin,
      """;

  @Test
  void readsAdministrativeAndOperationalStateOfEachServer() {
    List<ServerState> states =
        ServersStateTable.parse(SERVERS_STATE).stream().map(s -> s.withSessions(0)).toList();

    assertThat(states)
        .containsExactly(
            new ServerState("v1", "127.0.0.1:18081", "READY", "UP", 0),
            new ServerState("v3", "127.0.0.1:18083", "MAINT", "DOWN", 0),
            new ServerState("v2", "127.0.0.1:18082", "MAINT", "DOWN", 0),
            new ServerState("v0", "127.0.0.1:18080", "DRAIN", "UP", 0));
  }

  @Test
  void countsAServerInMaintenanceWhoseChecksPassedAsHealthyButNotOneWhoseChecksFail() {
    List<RuntimeServer> servers = ServersStateTable.parse(SERVERS_STATE);

    assertThat(servers).extracting(s -> s.healthy(2)).containsExactly(true, false, true, true);
  }

  @Test
  void rejectsAnAnswerThatIsNotAServerStateDump() {
    assertThatThrownBy(() -> ServersStateTable.parse("Can't find backend.\n"))
        .isInstanceOf(ProxyCommandException.class)
        .hasMessageContaining("Can't find backend.");
  }

  @Test
  void readsSessionsAndLastCheckOfTheBackendsServers() {
    assertThat(StatTable.servers(STAT, "bk"))
        .containsExactly(
            new ServerStats("v1", 2, "UP", "L7OK", true, "0", "Layer7 check passed", ""),
            new ServerStats(
                "v3",
                0,
                "MAINT",
                "L7STS",
                false,
                "503",
                "Layer7 wrong status",
                "Service Unavailable"));
  }

  @Test
  void summarisesTheLastCheckInOneLine() {
    ServerStats failing = StatTable.servers(STAT, "bk").get(1);

    assertThat(failing.lastCheckSummary())
        .isEqualTo("L7STS 503 (Layer7 wrong status): Service Unavailable");
  }

  @Test
  void splitsQuotedCsvFields() {
    assertThat(StatTable.csv("a,\"b,c\",\"d\"\"e\",")).containsExactly("a", "b,c", "d\"e", "");
  }
}
