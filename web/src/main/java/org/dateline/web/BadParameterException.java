package org.dateline.web;

/** A request parameter that cannot be used: answered with 400, naming the parameter. */
final class BadParameterException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  BadParameterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The parameter at fault, as the client wrote its name. */
  String parameter() {
    return parameter;
  }
}
