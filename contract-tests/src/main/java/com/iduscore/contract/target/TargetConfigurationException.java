package com.iduscore.contract.target;

/** The environment does not describe a usable target (missing variables, a missing mock jar, a bad value). */
public class TargetConfigurationException extends RuntimeException {

    public TargetConfigurationException(String message) {
        super(message);
    }

    public TargetConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
