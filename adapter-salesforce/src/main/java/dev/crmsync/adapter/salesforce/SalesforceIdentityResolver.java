package dev.crmsync.adapter.salesforce;

import com.sforce.soap.partner.QueryResult;
import dev.crmsync.core.spi.IdentityResolver;
import java.util.Optional;

/** The email of a Lead or Contact id (the object from the id's key prefix), by one query; empty for other ids. */
final class SalesforceIdentityResolver implements IdentityResolver {
    private final SalesforceCalls calls;

    SalesforceIdentityResolver(SalesforceCalls calls) {
        this.calls = calls;
    }

    @Override
    public Optional<String> emailOf(String externalId) {
        String object = PersonRecord.objectOf(externalId);
        if (object == null) {
            return Optional.empty();
        }
        String soql = "SELECT Id, Email FROM " + object + " WHERE Id = " + Soql.quote(externalId);
        QueryResult result = calls.call("query " + object, 1, null, c -> c.query(soql));
        if (result.getRecords().length == 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(result.getRecords()[0].getField("Email")).map(Object::toString)
                .filter(s -> !s.isBlank());
    }
}
