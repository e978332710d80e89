package dev.crmsync.testkit.hubspot;

import tools.jackson.databind.node.ObjectNode;

/**
 * One invalid property value, in the vocabulary HubSpot uses inside "Property values were not valid".
 *
 * @param name    the property
 * @param error   HubSpot's code, e.g. {@code PROPERTY_DOESNT_EXIST}, {@code INVALID_OPTION}
 * @param message the human-readable reason
 */
record PropertyProblem(String name, String error, String message) {

    static PropertyProblem doesNotExist(String name) {
        return new PropertyProblem(name, "PROPERTY_DOESNT_EXIST", "Property \"" + name + "\" does not exist");
    }

    static PropertyProblem readOnly(String name) {
        return new PropertyProblem(name, "READ_ONLY_VALUE", "Property \"" + name + "\" is read-only");
    }

    ObjectNode toJson() {
        ObjectNode node = SimJson.object();
        node.put("isValid", false);
        node.put("message", message);
        node.put("error", error);
        node.put("name", name);
        node.put("localizedErrorMessage", message);
        node.put("portalId", HubSpotErrors.PORTAL_ID);
        return node;
    }
}
