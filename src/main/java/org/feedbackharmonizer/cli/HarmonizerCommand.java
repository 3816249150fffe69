package org.feedbackharmonizer.cli;

public class HarmonizerCommand {
    public static void main(String[] args) {}
}
