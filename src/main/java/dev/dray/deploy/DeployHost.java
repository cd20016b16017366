package dev.dray.deploy;

import dev.dray.engine.DockerEngine;
import dev.dray.proxy.EdgeProxy;

/**
 * One server an app runs on: its Docker engine and its edge proxy. {@code local} is the engine the
 * CLI talks to; SSH hosts plug in here with a remote engine and proxy.
 */
public record DeployHost(String name, DockerEngine engine, EdgeProxy proxy) {}
