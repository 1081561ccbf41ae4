package dev.tenantbridge.catalog;

/** The control schema could not be read or written; the request cannot go on. */
public class CatalogException extends RuntimeException {

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
