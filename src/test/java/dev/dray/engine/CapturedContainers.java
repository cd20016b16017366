package dev.dray.engine;

/** Container answers of Docker 20.10 on this machine (API 1.41), trimmed to fewer fields. */
final class CapturedContainers {
  private CapturedContainers() {}

  /** A busybox httpd publishing 8080 on 127.0.0.1 (an IPv6 binding added), healthy. */
  static final String RUNNING_HEALTHY =
      """
      {
       "Id": "53682e847100c4bc36d5beb78b1d009d1950bdc42de189be0c90362ffdee3f03",
       "State": {
        "Status": "running",
        "Running": true,
        "Paused": false,
        "Restarting": false,
        "OOMKilled": false,
        "Dead": false,
        "Pid": 5200,
        "ExitCode": 0,
        "Error": "",
        "StartedAt": "2026-11-22T06:09:40.683475632Z",
        "FinishedAt": "0001-01-01T00:00:00Z",
        "Health": {
         "Status": "healthy",
         "FailingStreak": 0,
         "Log": [
          {
           "Start": "2026-11-22T06:09:41.18361705Z",
           "End": "2026-11-22T06:09:41.234285589Z",
           "ExitCode": 0,
           "Output": ""
          },
          {
           "Start": "2026-11-22T06:09:41.737190584Z",
           "End": "2026-11-22T06:09:41.787143746Z",
           "ExitCode": 0,
           "Output": ""
          },
          {
           "Start": "2026-11-22T06:09:42.28991279Z",
           "End": "2026-11-22T06:09:42.338995Z",
           "ExitCode": 0,
           "Output": ""
          }
         ]
        }
       },
       "Image": "sha256:1839dd839f3583500e4582308ec30a9ae3184967f7bec7c285f55283f49b0317",
       "Name": "/probe-x2",
       "RestartCount": 0,
       "HostConfig": {
        "Binds": null,
        "PortBindings": {
         "8080/tcp": [
          {
           "HostIp": "127.0.0.1",
           "HostPort": ""
          }
         ]
        },
        "RestartPolicy": {
         "Name": "",
         "MaximumRetryCount": 0
        }
       },
       "Config": {
        "Hostname": "53682e847100",
        "ExposedPorts": {
         "8080/tcp": {}
        },
        "Tty": false,
        "Env": [
         "A=1",
         "PATH=/bin"
        ],
        "Cmd": [
         "sh",
         "-c",
         "mkdir -p /www && echo hello > /www/index.html && echo started && httpd -f -p 8080 -h /www"
        ],
        "Healthcheck": {
         "Test": [
          "CMD-SHELL",
          "wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1"
         ],
         "Interval": 500000000,
         "Retries": 3
        },
        "Image": "127.0.0.1:5000/dray/busybox:1",
        "Labels": {
         "dray.app": "probe"
        }
       },
       "NetworkSettings": {
        "SandboxID": "b545a92c6bfac4d9a26596cfd6b421549d5b495f866ead740757da4d92517250",
        "Ports": {
         "8080/tcp": [
          {
           "HostIp": "127.0.0.1",
           "HostPort": "32769"
          },
          {
           "HostIp": "::",
           "HostPort": "32770"
          }
         ]
        },
        "IPAddress": "172.17.0.2"
       }
      }
      """;

  /** The same container after it exited with 3, restarted twice, its probes failing. */
  static final String EXITED_UNHEALTHY =
      """
      {
       "Id": "53682e847100c4bc36d5beb78b1d009d1950bdc42de189be0c90362ffdee3f03",
       "Name": "/probe-x2",
       "Image": "sha256:1839dd839f3583500e4582308ec30a9ae3184967f7bec7c285f55283f49b0317",
       "RestartCount": 2,
       "State": {
        "Status": "exited",
        "Running": false,
        "Paused": false,
        "Restarting": false,
        "OOMKilled": false,
        "Dead": false,
        "Pid": 0,
        "ExitCode": 3,
        "Error": "",
        "StartedAt": "2026-11-22T06:09:40.683475632Z",
        "FinishedAt": "2026-11-22T06:09:43.975908099Z",
        "Health": {
         "Status": "unhealthy",
         "FailingStreak": 3,
         "Log": [
          {
           "Start": "2026-11-22T06:09:41.737190584Z",
           "End": "2026-11-22T06:09:41.787143746Z",
           "ExitCode": 1,
           "Output": "wget: server returned error: HTTP/1.1 404 Not Found\\n"
          },
          {
           "Start": "2026-11-22T06:09:42.28991279Z",
           "End": "2026-11-22T06:09:42.338995Z",
           "ExitCode": 1,
           "Output": "wget: server returned error: HTTP/1.1 404 Not Found\\n"
          },
          {
           "Start": "2026-11-22T06:09:42.841756196Z",
           "End": "2026-11-22T06:09:42.893718795Z",
           "ExitCode": 1,
           "Output": "wget: server returned error: HTTP/1.1 404 Not Found\\n"
          },
          {
           "Start": "2026-11-22T06:09:43.397745949Z",
           "End": "2026-11-22T06:09:43.441273916Z",
           "ExitCode": 1,
           "Output": "wget: server returned error: HTTP/1.1 404 Not Found\\n"
          },
          {
           "Start": "2026-11-22T06:09:43.944209374Z",
           "End": "2026-11-22T06:09:43.976379865Z",
           "ExitCode": 1,
           "Output": "wget: server returned error: HTTP/1.1 404 Not Found\\n"
          }
         ]
        }
       },
       "Config": {
        "Image": "127.0.0.1:5000/dray/busybox:1",
        "Labels": {
         "dray.app": "probe"
        },
        "Tty": false
       },
       "NetworkSettings": {
        "Ports": {}
       }
      }
      """;

  /** {@code GET /containers/json} filtered by the label {@code dray.app=probe}. */
  static final String LISTED =
      """
      [
       {
        "Id": "53682e847100c4bc36d5beb78b1d009d1950bdc42de189be0c90362ffdee3f03",
        "Names": [
         "/probe-x2"
        ],
        "Image": "127.0.0.1:5000/dray/busybox:1",
        "ImageID": "sha256:1839dd839f3583500e4582308ec30a9ae3184967f7bec7c285f55283f49b0317",
        "Command": "sh -c 'mkdir -p /www && echo hello > /www/index.html && echo started && httpd -f -p 8080 -h /www'",
        "Created": 1795327780,
        "Ports": [
         {
          "IP": "127.0.0.1",
          "PrivatePort": 8080,
          "PublicPort": 32769,
          "Type": "tcp"
         }
        ],
        "Labels": {
         "dray.app": "probe"
        },
        "State": "running",
        "Status": "Up 2 seconds (healthy)",
        "HostConfig": {
         "NetworkMode": "default"
        }
       }
      ]
      """;
}
